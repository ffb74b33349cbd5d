// Data shared by the development scenarios (dev-review, dev-heatmaps): the bench organisation of
// 10,000 people (`seed --people 10000`, bench10000.example, as people-list) with team-development
// data made by SQL (generate_series, no row by row): four decision types and position rights,
// 1,000,000 logged decisions over the past year by the front line (with their monthly rollups and
// the delay histogram, as the application keeps them), eight skills with required levels and the
// current levels of everyone, seven courses with 10,000 sessions and 200,000 enrolments over two
// years, and a development plan with three goals for one front-line person in two. Built once and
// found again by its size; any other size is removed and rebuilt.
import { accessToken } from '../lib.mjs';

export const PEOPLE = 10000;
export const DECISIONS = 1_000_000;
export const ENROLMENTS = 200_000;
const SESSIONS = ENROLMENTS / 20;
const DOMAIN = `bench${PEOPLE}.example`;

/** The organisation and its HR viewer (with a token). */
export async function devOrg(db) {
  const { rows } = await db.query(
    `SELECT a.id AS "accountId", a.person_id AS "personId", a.organization_id AS "organizationId", a.roles::text[] AS roles
       FROM user_account a WHERE a.email = $1`,
    [`hr@${DOMAIN}`],
  );
  if (!rows.length) throw new Error(`no HR account hr@${DOMAIN}: seed --people ${PEOPLE} first`);
  const hr = rows[0];
  return { organizationId: hr.organizationId, hr: { ...hr, token: await accessToken(hr) } };
}

async function sizes(db, org) {
  const {
    rows: [r],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM decision_log WHERE organization_id = $1) AS decisions,
            (SELECT count(*)::int FROM enrolment WHERE organization_id = $1) AS enrolments,
            (SELECT count(*)::int FROM person_skill WHERE organization_id = $1) AS "personSkills",
            (SELECT count(*)::int FROM development_plan WHERE organization_id = $1) AS plans,
            (SELECT count(*)::int FROM person WHERE organization_id = $1) AS people`,
    [org],
  );
  return r;
}

/** Builds the development data when missing or of another size; returns sizes (and build time). */
export async function devData(db, org) {
  const found = await sizes(db, org);
  if (found.decisions === DECISIONS && found.enrolments === ENROLMENTS) return { ...found, built: false };
  const t0 = performance.now();
  for (const table of [
    'skill_coverage_state',
    'development_org_figures',
    'development_review',
    'development_plan',
    'training_need',
    'course',
    'person_skill',
    'skill_assessment',
    'position_skill',
    'skill',
    'autonomy_delay_monthly',
    'autonomy_monthly',
    'decision_log',
    'decision_right',
    'decision_type',
  ])
    await db.query(`DELETE FROM ${table} WHERE organization_id = $1`, [org]);
  await db.query('SELECT setseed(0.2026)');
  await db.query(
    `INSERT INTO decision_type (organization_id, name, unit)
     SELECT $1, n, 'AMOUNT' FROM unnest(ARRAY['Commercial gesture', 'Refund', 'Schedule exception', 'Fee waiver']) AS n`,
    [org],
  );
  await db.query(
    `INSERT INTO decision_right (organization_id, decision_type_id, position_id, limit_amount, valid_from)
     SELECT $1, dt.id, p.id, 50 + 50 * p.level, now() - interval '200 days'
       FROM decision_type dt CROSS JOIN position p
      WHERE dt.organization_id = $1 AND p.organization_id = $1 AND p.track = 'Front line'`,
    [org],
  );
  // 1,000,000 decisions by the front line over the past year, escalated to the manager (or above).
  await db.query(
    `WITH staff AS (
       SELECT p.id, p.team_id, p.manager_id, m.manager_id AS manager2, row_number() OVER (ORDER BY p.id) AS i
         FROM person p JOIN team t ON t.id = p.team_id AND t.kind = 'FRONT_LINE' JOIN person m ON m.id = p.manager_id
        WHERE p.organization_id = $1 AND t.manager_id <> p.id
     ), n AS (SELECT count(*) AS n FROM staff),
     types AS (SELECT array_agg(id ORDER BY name) AS ids FROM decision_type WHERE organization_id = $1),
     d AS (
       SELECT s.*, g.k, random() AS roll, random() AS r2, random() * 365 AS age
         FROM staff s CROSS JOIN n CROSS JOIN generate_series(1, ceil($2::float / n.n)::int) AS g(k)
        LIMIT $2
     )
     INSERT INTO decision_log (organization_id, team_id, person_id, decision_type_id, kind, amount, summary, decided_at,
       escalated_to, levels_crossed, answered_at, justification, review)
     SELECT $1, d.team_id, d.id, types.ids[1 + d.k % 4], x.kind::decision_kind, round((10 + d.r2 * 200)::numeric),
            'Bench decision', now() - d.age * interval '1 day',
            CASE WHEN x.kind = 'ESCALATED' THEN CASE WHEN d.r2 < 0.8 OR d.manager2 IS NULL THEN d.manager_id ELSE d.manager2 END END,
            CASE WHEN x.kind = 'ESCALATED' THEN CASE WHEN d.r2 < 0.8 OR d.manager2 IS NULL THEN 1 ELSE 2 END END,
            CASE WHEN x.kind = 'ESCALATED' AND d.age > 2 THEN now() - d.age * interval '1 day' + (1 + d.r2 * 60) * interval '1 hour' END,
            CASE WHEN x.kind = 'BEYOND_RIGHTS' THEN 'Bench justification' END,
            CASE WHEN x.kind = 'BEYOND_RIGHTS' THEN
              (CASE WHEN d.age < 15 THEN 'PENDING' WHEN d.r2 < 0.8 THEN 'CONFIRMED' ELSE 'OVERTURNED' END)::decision_review END
       FROM d CROSS JOIN types CROSS JOIN LATERAL (SELECT CASE WHEN d.roll < 0.6 THEN 'DECIDED_LOCALLY'
                                                    WHEN d.roll < 0.9 THEN 'ESCALATED' ELSE 'BEYOND_RIGHTS' END AS kind) x`,
    [org, DECISIONS],
  );
  await db.query(
    `INSERT INTO autonomy_monthly (organization_id, team_id, month, total, local, escalated, answered, delay_hours_sum,
       levels_sum, beyond_confirmed, beyond_overturned, beyond_pending)
     SELECT organization_id, team_id, date_trunc('month', decided_at AT TIME ZONE 'UTC')::date, count(*),
            count(*) FILTER (WHERE kind = 'DECIDED_LOCALLY'), count(*) FILTER (WHERE kind = 'ESCALATED'), count(answered_at),
            coalesce(sum(extract(epoch FROM answered_at - decided_at) / 3600), 0), coalesce(sum(levels_crossed), 0),
            count(*) FILTER (WHERE review = 'CONFIRMED'), count(*) FILTER (WHERE review = 'OVERTURNED'),
            count(*) FILTER (WHERE review = 'PENDING')
       FROM decision_log WHERE organization_id = $1 GROUP BY 1, 2, 3`,
    [org],
  );
  await db.query(
    `INSERT INTO autonomy_delay_monthly (organization_id, month, hour, n)
     SELECT organization_id, date_trunc('month', decided_at AT TIME ZONE 'UTC')::date,
            least(floor(extract(epoch FROM answered_at - decided_at) / 3600)::int, 10000), count(*)
       FROM decision_log WHERE organization_id = $1 AND answered_at IS NOT NULL GROUP BY 1, 2, 3`,
    [org],
  );
  // Skills: eight, each position requires four of them; everyone's current level.
  await db.query(
    `INSERT INTO skill (organization_id, name, category)
     SELECT $1, 'Skill ' || i, CASE WHEN i <= 4 THEN 'Customer' ELSE 'Expertise' END FROM generate_series(1, 8) AS i`,
    [org],
  );
  await db.query(
    `INSERT INTO position_skill (organization_id, position_id, skill_id, required_level)
     SELECT $1, p.id, s.id, 1 + (abs(hashtext(p.id::text || s.id::text)) % 3)
       FROM position p CROSS JOIN skill s
      WHERE p.organization_id = $1 AND s.organization_id = $1 AND abs(hashtext(p.title || s.name)) % 2 = 0`,
    [org],
  );
  await db.query(
    `INSERT INTO person_skill (organization_id, person_id, skill_id, self_level, manager_level)
     SELECT $1, p.id, ps.skill_id, greatest(1, least(4, ps.required_level + floor(random() * 3)::int - 1)),
            greatest(1, least(4, ps.required_level + floor(random() * 3)::int - 1))
       FROM person p JOIN position_skill ps ON ps.position_id = p.position_id WHERE p.organization_id = $1`,
    [org],
  );
  // Courses, 10,000 sessions over two years, 20 enrolments each (distinct people per session).
  await db.query(
    `INSERT INTO course (organization_id, title, skill_id, hours)
     SELECT $1, 'Course ' || s.name, s.id, 3.5 * (1 + row_number() OVER (ORDER BY s.name) % 4) FROM skill s WHERE s.organization_id = $1`,
    [org],
  );
  await db.query(
    `WITH c AS (SELECT array_agg(id ORDER BY title) AS ids, array_agg(hours ORDER BY title) AS hours, count(*) AS n
                  FROM course WHERE organization_id = $1)
     INSERT INTO training_session (organization_id, course_id, starts_at, ends_at, trainer, capacity, seats_taken, hours)
     SELECT $1, c.ids[1 + i % c.n], now() - (730 - i * 730.0 / $2) * interval '1 day',
            now() - (730 - i * 730.0 / $2) * interval '1 day' + interval '8 hours', 'Trainer', 20, 20, c.hours[1 + i % c.n]
       FROM c CROSS JOIN generate_series(0, $2 - 1) AS i`,
    [org, SESSIONS],
  );
  await db.query(
    `WITH people AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(team_id ORDER BY id) AS teams, count(*)::int AS n
                       FROM person WHERE organization_id = $1),
     s AS (SELECT id, starts_at, ends_at, hours, row_number() OVER (ORDER BY starts_at, id) AS i FROM training_session
            WHERE organization_id = $1)
     INSERT INTO enrolment (organization_id, session_id, person_id, team_id, status, requested_at, approved_at, attended_at,
       completed_at, hours)
     SELECT $1, s.id, people.ids[1 + ((s.i * 20 + k) * 7919) % people.n], people.teams[1 + ((s.i * 20 + k) * 7919) % people.n],
            'COMPLETED', s.starts_at - interval '20 days', s.starts_at - interval '19 days', s.starts_at, s.ends_at, s.hours
       FROM s CROSS JOIN people CROSS JOIN generate_series(0, 19) AS k`,
    [org],
  );
  // Development plans for one front-line person in two, three goals each.
  await db.query(
    `WITH chosen AS (
       SELECT p.id, p.team_id, p.manager_id FROM person p JOIN team t ON t.id = p.team_id AND t.kind = 'FRONT_LINE'
        WHERE p.organization_id = $1 AND p.manager_id IS NOT NULL AND abs(hashtext(p.id::text)) % 2 = 0
     ), plans AS (
       INSERT INTO development_plan (organization_id, person_id, team_id, title, status, next_review_on)
       SELECT $1, c.id, c.team_id, 'Plan', 'AGREED', current_date + (abs(hashtext(c.id::text)) % 90) FROM chosen c
       RETURNING id, person_id
     )
     INSERT INTO plan_goal (organization_id, plan_id, title, owner_id, due_on, progress, position)
     SELECT $1, pl.id, 'Goal ' || g, pl.person_id, current_date + (g * 40 - 60), (g * 30) % 100, g
       FROM plans pl CROSS JOIN generate_series(1, 3) AS g`,
    [org],
  );
  const t1 = performance.now();
  await db.query(
    `VACUUM ANALYZE decision_log, autonomy_monthly, autonomy_delay_monthly, enrolment, training_session, person_skill,
       position_skill, development_plan, plan_goal`,
  );
  const again = await sizes(db, org);
  if (again.decisions !== DECISIONS || again.enrolments !== ENROLMENTS)
    throw new Error(`development data: ${again.decisions} decisions, ${again.enrolments} enrolments`);
  return { ...again, built: true, buildMs: performance.now() - t0, vacuumMs: performance.now() - t1 };
}

export function logBuild(scenario, data) {
  if (data.built)
    console.error(
      `${scenario}: built ${data.decisions} decisions, ${data.enrolments} enrolments, ${data.personSkills} person skills, ` +
        `${data.plans} plans in ${(data.buildMs / 1000).toFixed(1)} s (vacuum analyze ${(data.vacuumMs / 1000).toFixed(1)} s)`,
    );
}

/** A front-line team of typical size with its manager's account and token. */
export async function reviewTeam(db, org) {
  const { rows } = await db.query(
    `SELECT t.id, t.name, a.id AS "accountId", a.person_id AS "personId", a.organization_id AS "organizationId",
            a.roles::text[] AS roles, (SELECT count(*) FROM decision_log d WHERE d.team_id = t.id)::int AS decisions
       FROM team t JOIN user_account a ON a.person_id = t.manager_id
      WHERE t.organization_id = $1 AND t.kind = 'FRONT_LINE' ORDER BY t.name LIMIT 1`,
    [org],
  );
  const t = rows[0];
  return { ...t, token: await accessToken(t) };
}
