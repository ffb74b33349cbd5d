// survey-results: HR's full results of a closed survey (focus, questions, slices, heatmap, driver
// heatmap, drivers, comments, trend), 10,000 respondents x 40 questions (400,000 answers) across
// 25 teams (the survey organisation of survey-data.mjs), against the floor of the raw GROUP BY of those answers through `pg`
// (same run, as many connections). Data: survey-data.mjs (built once, reused by its title).
import { BENCH_DATA, BENCH_JWT_SECRET, benchDb, startServer } from '../lib.mjs';
import {
  RESULTS_QUERY,
  RESPONDENTS,
  benchOrg,
  measureResults,
  resultsSurvey,
  seedOrg,
} from './survey-data.mjs';

const TARGET_P95 = 150;
// HR reads this report one page at a time: one connection, so p95 is the time of one answer,
// not queueing behind others on a 2-core machine.
const CONNECTIONS = 1;

export async function run({ seconds = 20 } = {}) {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, SEED: 'none', JWT_SECRET: BENCH_JWT_SECRET });
  const db = await benchDb();
  try {
    const org = await benchOrg(db);
    const survey = await resultsSurvey({ url: server.url, db, org });
    if (survey.built)
      console.error(
        `survey-results: built ${survey.answers} answers in ${(survey.buildMs / 1000).toFixed(1)} s ` +
          `(open ${(survey.openMs / 1000).toFixed(1)} s, answers ${(survey.answersMs / 1000).toFixed(1)} s, ` +
          `close and snapshot ${(survey.closeMs / 1000).toFixed(1)} s)`,
      );
    await measureResults({
      server,
      org,
      survey,
      scenario: 'survey-results',
      query: RESULTS_QUERY,
      variables: { surveyId: survey.id },
      floorSql: `SELECT cell_id, question_id, value, count(*) FROM survey_answer WHERE wave_id = $1 GROUP BY 1,2,3`,
      floorParams: [survey.waveId],
      check: (r) => {
        if (r.focus.respondents !== RESPONDENTS || r.questions.length !== 40 || !r.drivers.computed)
          throw new Error(`unexpected results: ${JSON.stringify(r.focus)} ${r.questions.length} questions`);
        return {
          slices: r.slices.length,
          heatmap_cells: r.heatmap.cells.length + r.driverHeatmap.cells.length,
          top_driver: r.drivers.items[0].driver,
          enps: r.questions.find((q) => q.questionId === 'enps').nps,
        };
      },
      target: TARGET_P95,
      connections: CONNECTIONS,
      seconds,
      extra: survey.built ? { build_s: survey.buildMs / 1000, close_s: survey.closeMs / 1000 } : {},
    });
  } finally {
    await db.end();
    await server.stop();
  }
}
