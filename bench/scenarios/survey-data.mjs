// Data shared by the survey scenarios (survey-results, survey-team, survey-submit), shaped as the
// issue states it: "10,000 respondents x 40 questions (400,000 answers) across 25 teams". The
// generator's organisation of 10,000 people has about 520 teams (about 16 people each), so the
// survey scenarios use their own organisation, `seed --people 10001` (bench10001.example; the
// bench10000 organisation of people-list is left alone), reshaped once in SQL: its people move into
// 25 front-line teams (about 400 each) under Customer Operations, the other front-line teams are
// deleted, the management teams keep their heads and the six support teams (owners of the support
// services) keep their manager and a few members. The surveys' audience is those 25 teams
// (`audienceTeamIds`). Also here: its HR viewer, a closed 40-question survey answered by 10,000
// people (built once, found again by its title, which carries the size), and fresh open pulse
// surveys for the write path. Surveys are created, opened and closed through the API as HR; only the
// answers of the results survey are generated in SQL (fast), correlated with a latent "mood" per
// respondent (team effect + noise) so that the eNPS, the heatmap and the driver analysis show
// something.
import { accessToken, cli, graphql, graphqlOk, load, loadSql, report } from '../lib.mjs';

export const PEOPLE = 10001;
export const TEAMS = 25;
export const RESPONDENTS = 10000;
export const QUESTIONS = 40;
const DOMAIN = `bench${PEOPLE}.example`;
// Members a support team keeps (its manager, fixed demo accounts such as hr@, then by e-mail).
const SUPPORT_KEEP = 6;
// The title names the size and the generator's version: a change of either builds a new survey.
export const RESULTS_TITLE = `Bench survey-results v3: ${RESPONDENTS} respondents x ${QUESTIONS} questions, ${TEAMS} teams`;

const DRIVERS = [
  'autonomy',
  'recognition',
  'growth',
  'fairness_of_pay',
  'relationship_with_manager',
  'support_received',
  'workload',
];
// How strongly each driver's items follow the respondent's mood (what eNPS follows too): the
// driver analysis should rank them in this order.
const DRIVER_WEIGHT = {
  autonomy: 0.55,
  recognition: 0.75,
  growth: 0.65,
  fairness_of_pay: 0.35,
  relationship_with_manager: 0.85,
  support_received: 0.45,
  workload: 0.2,
};

/** eNPS, 38 Likert items over the seven standard drivers, one free-text comment: 40 questions. */
export function resultsQuestions() {
  const likert = Array.from({ length: QUESTIONS - 2 }, (_, i) => {
    const driver = DRIVERS[i % DRIVERS.length];
    const n = Math.floor(i / DRIVERS.length) + 1;
    return {
      id: `${driver}_${n}`,
      type: 'LIKERT_5',
      driver,
      text: { en: `Statement ${n} about ${driver.replace(/_/g, ' ')}.`, fr: `Affirmation ${n} : ${driver}.` },
    };
  });
  return [
    {
      id: 'enps',
      type: 'NPS_0_10',
      text: {
        en: 'How likely are you to recommend us as an employer?',
        fr: 'Recommanderiez-vous notre organisation ?',
      },
    },
    ...likert,
    {
      id: 'comment',
      type: 'FREE_TEXT',
      required: false,
      maxLength: 2000,
      text: { en: 'Anything else you would like to tell us?', fr: 'Autre chose à nous dire ?' },
    },
  ];
}

/**
 * The survey organisation (seeded and shaped by seedOrg/shapeOrg), its HR viewer with a token, and
 * the 25 audience teams. `teams` is the number of audience teams, `orgTeams` of all its teams.
 */
export async function benchOrg(db) {
  const { rows } = await db.query(
    `SELECT a.id AS "accountId", a.person_id AS "personId", a.organization_id AS "organizationId", a.roles::text[] AS roles,
            (SELECT count(*)::int FROM person p WHERE p.organization_id = a.organization_id) AS people
       FROM user_account a WHERE a.email = $1`,
    [`hr@${DOMAIN}`],
  );
  if (!rows.length) throw new Error(`no HR account hr@${DOMAIN}: seed --people ${PEOPLE} first`);
  const hr = rows[0];
  const shape = await shapeOrg(db, hr.organizationId);
  return {
    ...hr,
    orgTeams: shape.orgTeams,
    teams: shape.teamIds.length,
    audienceTeamIds: shape.teamIds,
    audiencePeople: shape.people,
    token: await accessToken(hr),
  };
}

export function seedOrg() {
  cli(['seed', '--people', String(PEOPLE)]);
}

/**
 * Moves the organisation's people into 25 front-line teams, once (idempotent: an organisation
 * that has 25 front-line teams is left as it is). One transaction; the teams that remain empty
 * are deleted. Returns the audience teams (ordered) and how many people they hold.
 */
export async function shapeOrg(db, organizationId) {
  const front = async () =>
    (
      await db.query(
        `SELECT t.id, (SELECT count(*)::int FROM person p WHERE p.team_id = t.id) AS people
           FROM team t WHERE t.organization_id = $1 AND t.kind = 'FRONT_LINE' ORDER BY t.name, t.id`,
        [organizationId],
      )
    ).rows;
  let teams = await front();
  let shapedMs;
  if (teams.length !== TEAMS) {
    const t0 = performance.now();
    await db.query('BEGIN');
    try {
      // The named front-line teams first, then agencies by number.
      await db.query(
        `CREATE TEMP TABLE bench_keep ON COMMIT DROP AS
         SELECT id, manager_id, (row_number() OVER (ORDER BY name LIKE 'Branch — Agency %',
                  nullif(substring(name FROM '[0-9]+$'), '')::int NULLS FIRST, name, id) - 1)::int AS slot
           FROM team WHERE organization_id = $1 AND kind = 'FRONT_LINE'`,
        [organizationId],
      );
      await db.query(`DELETE FROM bench_keep WHERE slot >= $1`, [TEAMS]);
      await db.query(
        `CREATE TEMP TABLE bench_move ON COMMIT DROP AS
         SELECT p.id, ((row_number() OVER (ORDER BY p.id) - 1) % $2)::int AS slot
           FROM person p JOIN team t ON t.id = p.team_id
          WHERE p.organization_id = $1 AND t.kind <> 'MANAGEMENT'
            AND p.team_id NOT IN (SELECT id FROM bench_keep)
            AND NOT (t.kind = 'SUPPORT' AND (p.id = t.manager_id OR p.id IN (
                  SELECT x.id FROM person x WHERE x.team_id = t.id
                   ORDER BY x.id = t.manager_id DESC, split_part(x.email, '@', 1) LIKE '%.%', x.email
                   LIMIT $3)))`,
        [organizationId, TEAMS, SUPPORT_KEEP],
      );
      // Movers report to their new team's manager (no kept team's manager moves).
      await db.query(
        `UPDATE person p SET team_id = k.id, manager_id = k.manager_id
           FROM bench_move m JOIN bench_keep k ON k.slot = m.slot WHERE p.id = m.id`,
      );
      await db.query(
        `DELETE FROM team WHERE organization_id = $1 AND kind = 'FRONT_LINE' AND id NOT IN (SELECT id FROM bench_keep)`,
        [organizationId],
      );
      await db.query('COMMIT');
    } catch (e) {
      await db.query('ROLLBACK');
      throw e;
    }
    await db.query('VACUUM ANALYZE person, team');
    shapedMs = performance.now() - t0;
    teams = await front();
    if (teams.length !== TEAMS) throw new Error(`shaping left ${teams.length} front-line teams`);
  }
  const {
    rows: [{ n }],
  } = await db.query(`SELECT count(*)::int AS n FROM team WHERE organization_id = $1`, [organizationId]);
  const people = teams.reduce((a, t) => a + t.people, 0);
  if (shapedMs !== undefined)
    console.error(
      `survey data: ${DOMAIN} shaped into ${TEAMS} front-line teams (${people} people, ${n} teams in all) in ${(shapedMs / 1000).toFixed(1)} s`,
    );
  return { teamIds: teams.map((t) => t.id), people, orgTeams: n };
}

const CREATE = `mutation Create($input: CreateSurveyInput!) { createSurvey(input: $input) { id questions { id type } } }`;
const SCHEDULE = `mutation Schedule($id: ID!, $input: ScheduleSurveyInput!) { scheduleSurvey(id: $id, input: $input) { id status } }`;
const CLOSE = `mutation Close($id: ID!) { closeSurvey(id: $id) { id status } }`;

/** Creates a survey and opens it now (ONE_OFF, a week long) as HR: one wave, cells, invitations. */
export async function createOpenSurvey(url, token, input) {
  const { createSurvey } = await graphqlOk(url, CREATE, { input }, token);
  const now = Date.now();
  const t = performance.now();
  await graphqlOk(
    url,
    SCHEDULE,
    {
      id: createSurvey.id,
      input: {
        kind: 'ONE_OFF',
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    },
    token,
  );
  return { id: createSurvey.id, questions: createSurvey.questions, openMs: performance.now() - t };
}

export async function closeSurvey(url, token, id) {
  const t = performance.now();
  await graphqlOk(url, CLOSE, { id }, token);
  return performance.now() - t;
}

/**
 * The closed results survey (10,000 respondents x 40 questions, audience: the 25 teams), built when
 * missing: created and opened through the API, answers generated in SQL for 10,000 of its invitations (marked
 * consumed), then closed through the API, which rebuilds the results snapshot. Returns its ids,
 * sizes, and how long each step took when it was built in this run.
 */
export async function resultsSurvey({ url, db, org }) {
  const found = await findResultsSurvey(db, org);
  if (found) return { ...found, built: false };
  // A half-built one (a run stopped mid-way) or one of an older size or generator is bench data
  // of ours: remove it and start again.
  await dropSurveys(
    db,
    org.organizationId,
    `SELECT id FROM survey WHERE organization_id = $1 AND title LIKE 'Bench survey-results%'`,
    [org.organizationId],
  );
  const t0 = performance.now();
  const survey = await createOpenSurvey(url, org.token, {
    title: RESULTS_TITLE,
    questions: resultsQuestions(),
    confidentiality: 'ANONYMOUS',
    audienceTeamIds: org.audienceTeamIds,
  });
  const { rows: waves } = await db.query(`SELECT id FROM survey_wave WHERE survey_id = $1`, [survey.id]);
  const waveId = waves[0].id;
  const t1 = performance.now();
  await generateAnswers(db, org.organizationId, waveId);
  const t2 = performance.now();
  await db.query(`VACUUM ANALYZE survey_response, survey_answer, survey_invitation`);
  const t3 = performance.now();
  const closeMs = await closeSurvey(url, org.token, survey.id);
  await db.query(`VACUUM ANALYZE survey_result_count, survey_result_driver`);
  const again = await findResultsSurvey(db, org);
  if (!again) throw new Error('the results survey was built but is not complete');
  return {
    ...again,
    built: true,
    buildMs: performance.now() - t0,
    openMs: survey.openMs,
    answersMs: t2 - t1,
    vacuumMs: t3 - t2,
    closeMs,
  };
}

async function findResultsSurvey(db, org) {
  const { rows } = await db.query(
    `SELECT s.id, w.id AS "waveId", w.released, w.invited,
            (SELECT count(*)::int FROM survey_answer a WHERE a.wave_id = w.id) AS answers,
            (SELECT count(*)::int FROM survey_cell c WHERE c.wave_id = w.id) AS cells,
            (SELECT count(DISTINCT c.team_id)::int FROM survey_cell c WHERE c.wave_id = w.id) AS "cellTeams",
            (SELECT count(*)::int FROM survey_result_count r WHERE r.wave_id = w.id) AS "countRows",
            (SELECT count(*)::int FROM survey_result_driver r WHERE r.wave_id = w.id) AS "driverRows"
       FROM survey s JOIN survey_wave w ON w.survey_id = s.id
      WHERE s.organization_id = $1 AND s.title = $2 AND s.status = 'CLOSED' AND w.status = 'CLOSED'`,
    [org.organizationId, RESULTS_TITLE],
  );
  const r = rows[0];
  return r && r.released === RESPONDENTS && r.answers === RESPONDENTS * QUESTIONS ? r : null;
}

/** 10,000 answer sets for the wave's invitations, in one transaction of set-based SQL. */
async function generateAnswers(db, organizationId, waveId) {
  const questions = resultsQuestions().map((q) => ({
    id: q.id,
    type: q.type,
    w: q.driver ? DRIVER_WEIGHT[q.driver] : null,
  }));
  const comments = [
    'More recognition for the front line would help.',
    'My manager listens and it shows.',
    'Workload has been heavy since the reorganisation.',
    'Pay is below the market for my role.',
    'I would like clearer career paths.',
    'IT support answers fast, thanks.',
    'Too many meetings, not enough time to serve customers.',
    'Great team, proud of what we do.',
  ];
  await db.query('BEGIN');
  try {
    // A latent mood per respondent: half the team's (a stable value per team), half noise.
    await db.query(
      `CREATE TEMP TABLE bench_respondent ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, i.id AS invitation_id, i.cell_id,
              least(1, greatest(0, 0.5 * (0.25 + 0.5 * (abs(hashtext(coalesce(c.team_id::text, 'org'))) % 1000) / 1000.0)
                                 + 0.5 * (0.5 + 0.2 * random_normal()))) AS mood
         FROM survey_invitation i JOIN survey_cell c ON c.id = i.cell_id
        WHERE i.wave_id = $1
        ORDER BY md5(i.person_id::text)
        LIMIT $2`,
      [waveId, RESPONDENTS],
    );
    await db.query(
      `INSERT INTO survey_response (id, organization_id, wave_id, cell_id, day, respondent_id)
       SELECT id, $1, $2, cell_id, current_date - (random() * 6)::int, NULL FROM bench_respondent`,
      [organizationId, waveId],
    );
    await db.query(
      `INSERT INTO survey_answer (response_id, ordinal, organization_id, wave_id, cell_id, question_id, value, text)
       SELECT r.id, 0, $1, $2, r.cell_id, q.id,
              CASE q.type
                WHEN 'NPS_0_10' THEN least(10, greatest(0, round(7.5 + 12 * (r.mood - 0.5) + 1.5 * random_normal())))::smallint
                WHEN 'LIKERT_5' THEN least(5, greatest(1, round(0.6 + 4.8 * (q.w * r.mood + (1 - q.w) * random()))))::smallint
              END,
              CASE WHEN q.type = 'FREE_TEXT'
                THEN ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] || ' (' || substr(md5(random()::text), 1, 6) || ')'
              END
         FROM bench_respondent r CROSS JOIN jsonb_to_recordset($3::jsonb) AS q(id text, type text, w float8)`,
      [organizationId, waveId, JSON.stringify(questions), comments],
    );
    await db.query(
      `UPDATE survey_invitation SET consumed = true WHERE id IN (SELECT invitation_id FROM bench_respondent)`,
    );
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}

/** Deletes bench-made surveys (with their waves, answers and invitation notifications). */
export async function dropSurveys(db, organizationId, idsSql, params) {
  const { rows } = await db.query(idsSql, params);
  for (const { id } of rows) {
    await db.query(
      `DELETE FROM notification WHERE organization_id = $1
          AND dedupe_key IN (SELECT 'survey-wave:' || w.id::text FROM survey_wave w WHERE w.survey_id = $2
                             UNION ALL SELECT 'survey-reminder:' || w.id::text FROM survey_wave w WHERE w.survey_id = $2)`,
      [organizationId, id],
    );
    await db.query(`DELETE FROM survey WHERE id = $1`, [id]);
  }
  return rows.length;
}

/** Access tokens for people invited to a wave who have not answered yet (at most `count`). */
export async function invitees(db, waveId, count) {
  const { rows } = await db.query(
    `SELECT i.id AS "invitationId", a.id AS "accountId", a.person_id AS "personId",
            a.organization_id AS "organizationId", a.roles::text[] AS roles
       FROM survey_invitation i JOIN user_account a ON a.person_id = i.person_id
      WHERE i.wave_id = $1 AND NOT i.consumed
      ORDER BY md5(i.id::text)
      LIMIT $2`,
    [waveId, count],
  );
  return Promise.all(rows.map(async (r) => ({ invitationId: r.invitationId, token: await accessToken(r) })));
}

const SLICE = `id kind label teamId tenureBucket invited shown reason respondents responseRate`;
/** What HR's results page reads: every part of the results. */
export const RESULTS_QUERY = `query Results($surveyId: ID!) { surveyResults(surveyId: $surveyId) {
  surveyId waveNumber waveStatus k commentThreshold scope engagement
  focus { ${SLICE} }
  questions { questionId type driver text { en } shown reason n mean favourable nps score distribution { key count share } }
  slices { ${SLICE} }
  heatmap { rows { id label shown } columns cells { sliceId column score shown } }
  driverHeatmap { rows { id label shown } columns cells { sliceId column score shown } }
  drivers { outcome computed reason minRespondents items { questionId driver r n favourable } }
  comments { questionId shown reason comments }
  trend { waveNumber shown enps engagement respondents } } }`;
/** What a team's page reads: its own figures, drivers, comments and trend (no organisation heatmaps). */
export const TEAM_QUERY = `query TeamResults($surveyId: ID!, $sliceId: String!) { surveyResults(surveyId: $surveyId, sliceId: $sliceId) {
  surveyId waveNumber waveStatus k commentThreshold scope engagement
  focus { ${SLICE} }
  questions { questionId type driver text { en } shown reason n mean favourable nps score distribution { key count share } }
  drivers { outcome computed reason minRespondents items { questionId driver r n favourable } }
  comments { questionId shown reason comments }
  trend { waveNumber shown enps engagement respondents } } }`;

/**
 * Measures one results query (autocannon, `connections` readers) against its floor: the raw
 * GROUP BY of the same answers through `pg` with as many connections, for as long, same run.
 * Also reports the bare `{ __typename }` query and the read of the results snapshot alone.
 */
export async function measureResults({
  server,
  org,
  survey,
  scenario,
  query,
  variables,
  floorSql,
  floorParams,
  check,
  target,
  connections,
  seconds,
  extra = {},
}) {
  const headers = { authorization: `Bearer ${org.token}` };
  const body = { query, variables };
  // The first answer after a start computes the suppression decisions (memoised per wave).
  const t = performance.now();
  const first = await graphql(server.url, query, variables, org.token);
  const firstMs = performance.now() - t;
  if (first.errors) throw new Error(`${scenario}: ${JSON.stringify(first.errors)}`);
  const facts = check(first.data.surveyResults);
  const bytes = JSON.stringify(first).length;
  await load({ url: server.url, body, headers, connections, seconds: Math.max(3, seconds / 3) }); // warm-up
  const ours = await load({ url: server.url, body, headers, connections, seconds });
  const floor = await loadSql({ sql: floorSql, params: floorParams, clients: connections, seconds });
  const typename = await load({
    url: server.url,
    body: { query: '{ __typename }' },
    headers,
    connections,
    seconds: 3,
  });
  const snapshot = await loadSql({
    sql: `SELECT cell_id, question_id, bucket, count FROM survey_result_count WHERE wave_id = $1`,
    params: [survey.waveId],
    clients: connections,
    seconds: 3,
  });
  if (ours.failed || typename.failed)
    throw new Error(`failed requests: ours ${ours.failed}, typename ${typename.failed}`);
  report({
    scenario,
    n: RESPONDENTS * QUESTIONS,
    respondents: RESPONDENTS,
    questions: QUESTIONS,
    teams: org.teams,
    org_teams: org.orgTeams,
    cell_teams: survey.cellTeams,
    cells: survey.cells,
    ...facts,
    connections,
    requests: ours.count,
    p50_ms: ours.p50,
    p95_ms: ours.p95,
    rps: ours.rps,
    first_ms: firstMs,
    response_kb: bytes / 1024,
    floor: 'raw-group-by-sql-via-pg',
    floor_p50_ms: floor.p50,
    floor_p95_ms: floor.p95,
    floor_ratio: ours.p50 / floor.p50,
    typename_p50_ms: typename.p50,
    typename_rps: typename.rps,
    snapshot_read_p50_ms: snapshot.p50,
    ...extra,
    target_p95_ms: target,
    ok: ours.p95 <= target,
  });
}
