// survey-submit: 1,000 answer sets submitted at once (`submitSurveyResponse`, 1,000 different
// people with their own invitation and access token, all in flight together), then what is stored
// is counted: answer sets in the mailbox or released into survey_response, answers, consumed
// invitations. Nothing may be lost. p50/p95 are the per-request latencies; the floor is inserting
// the same 1,000 rows into a scratch table with one multi-row INSERT through `pg`, same run.
// 20 submits go first, one by one (warm-up, not timed); `accepted` and the counts include them.
// Each run opens a fresh pulse survey (eNPS + 4 items) for the 25 teams of the survey
// organisation (survey-data.mjs: about 10.2k invitations), closes it through the API afterwards (close_ms) and then deletes it, so runs do
// not pile up data. No latency target was set for this one: ok means nothing lost or refused.
import { BENCH_DATA, BENCH_JWT_SECRET, benchDb, graphql, percentile, report, startServer } from '../lib.mjs';
import { benchOrg, closeSurvey, createOpenSurvey, dropSurveys, invitees, seedOrg } from './survey-data.mjs';

const SUBMITS = 1000;
const WARMUP = 20;
const FLOOR_RUNS = 5;
const SUBMIT = `mutation Submit($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { accepted } }`;

function answersFor(questions, i) {
  return questions.map((q, j) => ({
    questionId: q.id,
    value: q.type === 'NPS_0_10' ? (i * 7 + j) % 11 : 1 + ((i * 3 + j) % 5),
  }));
}

async function submit(url, person, questions, i) {
  const t = performance.now();
  try {
    const r = await graphql(
      url,
      SUBMIT,
      { input: { invitationId: person.invitationId, answers: answersFor(questions, i) } },
      person.token,
    );
    return {
      ms: performance.now() - t,
      ok: r.data?.submitSurveyResponse?.accepted === true,
      error: r.errors?.[0],
    };
  } catch (e) {
    return { ms: performance.now() - t, ok: false, error: String(e) };
  }
}

async function stored(db, waveId) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM survey_response_mailbox WHERE wave_id = $1) AS mailbox,
            (SELECT count(*)::int FROM survey_response WHERE wave_id = $1) AS responses,
            (SELECT count(*)::int FROM survey_answer WHERE wave_id = $1)
              + (SELECT coalesce(sum(jsonb_array_length(answers)), 0)::int FROM survey_response_mailbox WHERE wave_id = $1) AS answers,
            (SELECT count(*)::int FROM survey_invitation WHERE wave_id = $1 AND consumed) AS consumed`,
    [waveId],
  );
  return rows[0];
}

/** One multi-row INSERT of the same 1,000 answer sets (cell, day, answers) into a scratch table. */
async function floorInsert(db, cells, questions) {
  await db.query(
    `CREATE TEMP TABLE IF NOT EXISTS bench_submit_floor (LIKE survey_response_mailbox INCLUDING DEFAULTS)`,
  );
  const values = [];
  const params = [];
  for (let i = 0; i < SUBMITS; i++) {
    params.push(cells[i % cells.length], JSON.stringify(answersFor(questions, i)));
    values.push(`($${params.length - 1}::uuid, current_date, $${params.length}::jsonb)`);
  }
  const sql = `INSERT INTO bench_submit_floor (organization_id, wave_id, cell_id, day, answers)
               SELECT gen_random_uuid(), gen_random_uuid(), c, d, a FROM (VALUES ${values.join(', ')}) AS v(c, d, a)`;
  const times = [];
  for (let r = 0; r < FLOOR_RUNS; r++) {
    await db.query('TRUNCATE bench_submit_floor');
    const t = performance.now();
    await db.query(sql, params);
    times.push(performance.now() - t);
  }
  await db.query('DROP TABLE bench_submit_floor');
  return percentile(times, 50);
}

export async function run() {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, SEED: 'none', JWT_SECRET: BENCH_JWT_SECRET });
  const db = await benchDb();
  const mine = `SELECT id FROM survey WHERE organization_id = $1 AND title LIKE 'Bench survey-submit%'`;
  let org;
  try {
    org = await benchOrg(db);
    await dropSurveys(db, org.organizationId, mine, [org.organizationId]); // left by a stopped run
    const t0 = performance.now();
    const survey = await createOpenSurvey(server.url, org.token, {
      templateKey: 'pulse',
      title: `Bench survey-submit ${new Date().toISOString()}`,
      audienceTeamIds: org.audienceTeamIds,
    });
    const {
      rows: [wave],
    } = await db.query(`SELECT id, invited, k FROM survey_wave WHERE survey_id = $1`, [survey.id]);
    const people = await invitees(db, wave.id, WARMUP + SUBMITS);
    if (people.length < WARMUP + SUBMITS) throw new Error(`only ${people.length} invitations`);
    const setupMs = performance.now() - t0;

    for (let i = 0; i < WARMUP; i++) {
      const w = await submit(server.url, people[i], survey.questions, i);
      if (!w.ok) throw new Error(`warm-up submit failed: ${JSON.stringify(w.error)}`);
    }
    const t1 = performance.now();
    const results = await Promise.all(
      people.slice(WARMUP).map((p, i) => submit(server.url, p, survey.questions, WARMUP + i)),
    );
    const wallMs = performance.now() - t1;
    const accepted = WARMUP + results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok);
    if (failed.length)
      console.error(`survey-submit: ${failed.length} refused, first: ${JSON.stringify(failed[0].error)}`);

    const after = await stored(db, wave.id);
    const lost = accepted - (after.mailbox + after.responses);
    const closeMs = await closeSurvey(server.url, org.token, survey.id);
    const closed = await stored(db, wave.id);

    const { rows: cells } = await db.query(`SELECT id FROM survey_cell WHERE wave_id = $1 ORDER BY id`, [
      wave.id,
    ]);
    const floorMs = await floorInsert(
      db,
      cells.map((c) => c.id),
      survey.questions,
    );
    const ms = results.map((r) => r.ms);
    report({
      scenario: 'survey-submit',
      n: SUBMITS,
      questions: survey.questions.length,
      invited: wave.invited,
      teams: org.teams,
      p50_ms: percentile(ms, 50),
      p95_ms: percentile(ms, 95),
      max_ms: Math.max(...ms),
      wall_ms: wallMs,
      rps: SUBMITS / (wallMs / 1000),
      refused: failed.length,
      accepted,
      stored_mailbox: after.mailbox,
      stored_responses: after.responses,
      stored_answers: after.answers,
      consumed: after.consumed,
      lost,
      lost_after_close: accepted - closed.responses,
      close_ms: closeMs,
      setup_s: setupMs / 1000,
      floor: 'one-multi-row-insert-1000-rows-via-pg',
      floor_ms: floorMs,
      floor_ratio: wallMs / floorMs,
      target_p95_ms: 'none',
      ok:
        lost === 0 &&
        failed.length === 0 &&
        after.consumed === accepted &&
        after.answers === accepted * survey.questions.length,
    });
  } finally {
    if (org) await dropSurveys(db, org.organizationId, mine, [org.organizationId]).catch(() => undefined);
    await db.end();
    await server.stop();
  }
}
