// survey-team: one team's results (`sliceId: "team:<id>"`: its figures, drivers, comments and
// trend) on the survey-results data (10,000 respondents x 40 questions), against the floor of the
// raw GROUP BY of that team's answers (its cells only) through `pg`, same run. The team is the
// largest leaf team, so that its driver analysis is computed (25 respondents at least).
import { BENCH_DATA, BENCH_JWT_SECRET, benchDb, startServer } from '../lib.mjs';
import { TEAM_QUERY, benchOrg, measureResults, resultsSurvey, seedOrg } from './survey-data.mjs';

const TARGET_P95 = 20;
const CONNECTIONS = 1; // as survey-results: the time of one answer

export async function run({ seconds = 15 } = {}) {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, SEED: 'none', JWT_SECRET: BENCH_JWT_SECRET });
  const db = await benchDb();
  try {
    const org = await benchOrg(db);
    const survey = await resultsSurvey({ url: server.url, db, org });
    const {
      rows: [team],
    } = await db.query(
      `SELECT c.team_id AS id, t.name, array_agg(c.id::text) AS cells, sum(c.invited)::int AS invited
         FROM survey_cell c JOIN team t ON t.id = c.team_id
        WHERE c.wave_id = $1 AND NOT EXISTS (SELECT 1 FROM team s WHERE s.parent_id = t.id)
        GROUP BY c.team_id, t.name ORDER BY sum(c.invited) DESC, c.team_id LIMIT 1`,
      [survey.waveId],
    );
    const sliceId = `team:${team.id}`;
    await measureResults({
      server,
      org,
      survey,
      scenario: 'survey-team',
      query: TEAM_QUERY,
      variables: { surveyId: survey.id, sliceId },
      floorSql: `SELECT cell_id, question_id, value, count(*) FROM survey_answer
                  WHERE wave_id = $1 AND cell_id = ANY($2::uuid[]) GROUP BY 1,2,3`,
      floorParams: [survey.waveId, team.cells],
      check: (r) => {
        if (r.focus.id !== sliceId || !r.focus.shown || r.questions.length !== 40)
          throw new Error(`unexpected team results: ${JSON.stringify(r.focus)}`);
        return {
          team: team.name.replace(/\s+/g, '_'),
          team_cells: team.cells.length,
          team_respondents: r.focus.respondents,
          drivers_computed: r.drivers.computed,
        };
      },
      target: TARGET_P95,
      connections: CONNECTIONS,
      seconds,
    });
  } finally {
    await db.end();
    await server.stop();
  }
}
