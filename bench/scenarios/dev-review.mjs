// dev-review: one team's development review (`developmentReview(teamId)` as its manager: autonomy
// index with 12 monthly points and the rights usage, skills coverage and gaps, training hours and
// completions by month, plans, survey figures, retention, past reviews, each with the organisation
// beside it) on 10,000 people, 1,000,000 decisions and 200,000 enrolments (dev-data.mjs). A manager
// reads it one at a time: one connection. The organisation's averages are stored and recomputed at
// most every ten minutes (the warm-up computes them once, as the first reader would).
// Floor: the team's own statements (autonomy by month and period, rights usage, coverage, training,
// plans) as one SQL statement through `pg`, same run.
import { BENCH_DATA, benchDb, cli, graphql, load, loadSql, report, startServer } from '../lib.mjs';
import { BENCH_JWT_SECRET } from '../lib.mjs';
import { DECISIONS, PEOPLE, devData, devOrg, logBuild, reviewTeam } from './dev-data.mjs';

const TARGET_P95 = 60;
const CONNECTIONS = 1;
export const REVIEW_QUERY = `query Review($teamId: ID!) { developmentReview(teamId: $teamId) {
  teamId teamName managerName headcount
  autonomy { current { total settledWithoutEscalationPercent medianEscalationDelayHours meanLevelsCrossed beyondRightsPending }
    previous { settledWithoutEscalationPercent medianEscalationDelayHours meanLevelsCrossed }
    organization { settledWithoutEscalationPercent medianEscalationDelayHours meanLevelsCrossed }
    trend { month total settledWithoutEscalationPercent medianEscalationDelayHours organizationPercent }
    perceived { shown favourable organization } rightsUsage { decisionTypeName decidedLocally escalated beyondRights } }
  skills { coverage { value organization } gaps { skillName below required } }
  training { hoursPerFte { value previous organization } completions { value previous organization } openNeeds monthlyHours { month value organization } }
  plans { total onTrack late agreed onTrackPercent { value organization } upcoming { personName nextReviewOn } }
  engagement { shown score { value organization } } upwardFeedback { shown note }
  retention { basis headcount tenureYears { value organization } stablePercent { value organization } }
  reviews { reviewedOn conclusions } } }`;

const FLOOR_SQL = `WITH d AS (
  SELECT kind, review, levels_crossed, decision_type_id,
         CASE WHEN answered_at IS NOT NULL THEN extract(epoch FROM answered_at - decided_at) / 3600 END AS delay,
         to_char(date_trunc('month', decided_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
         CASE WHEN decided_at >= date_trunc('month', now()) - interval '2 months' THEN 'current'
              WHEN decided_at >= date_trunc('month', now()) - interval '5 months' THEN 'previous' END AS period
    FROM decision_log WHERE organization_id = $1 AND team_id = $2 AND decided_at >= date_trunc('month', now()) - interval '11 months'
), autonomy AS (
  SELECT month, period, count(*) AS total, count(*) FILTER (WHERE kind = 'DECIDED_LOCALLY') AS local,
         count(*) FILTER (WHERE review = 'CONFIRMED') AS confirmed, count(*) FILTER (WHERE review = 'PENDING') AS pending,
         sum(levels_crossed) AS levels, percentile_cont(0.5) WITHIN GROUP (ORDER BY delay) AS median
    FROM d GROUP BY GROUPING SETS ((month), (period))
)
SELECT (SELECT json_agg(autonomy) FROM autonomy) AS autonomy,
       (SELECT json_agg(u) FROM (SELECT decision_type_id, kind, count(*) FROM d WHERE period = 'current' GROUP BY 1, 2) u) AS usage,
       (SELECT json_agg(c) FROM (
          SELECT ps.skill_id, count(*) AS required,
                 count(*) FILTER (WHERE coalesce(k.manager_level, k.self_level, 0) >= ps.required_level) AS met
            FROM person p JOIN position_skill ps ON ps.position_id = p.position_id
            LEFT JOIN person_skill k ON k.person_id = p.id AND k.skill_id = ps.skill_id
           WHERE p.team_id = $2 GROUP BY 1) c) AS coverage,
       (SELECT json_agg(x) FROM (
          SELECT to_char(date_trunc('month', completed_at), 'YYYY-MM') AS month, sum(hours) AS h, count(*) AS n
            FROM enrolment WHERE organization_id = $1 AND team_id = $2 AND status = 'COMPLETED'
             AND completed_at >= now() - interval '24 months' GROUP BY 1) x) AS training,
       (SELECT json_agg(pl) FROM (
          SELECT dp.id, dp.next_review_on, EXISTS (SELECT 1 FROM plan_goal g WHERE g.plan_id = dp.id AND g.progress < 100
                   AND g.due_on < current_date) AS late
            FROM development_plan dp JOIN person pe ON pe.id = dp.person_id WHERE pe.team_id = $2) pl) AS plans,
       (SELECT count(*) FROM person WHERE team_id = $2) AS headcount`;

export async function run({ seconds = 15 } = {}) {
  cli(['seed', '--people', String(PEOPLE)]);
  const server = await startServer({
    DATA_DIR: BENCH_DATA,
    SEED: 'none',
    JWT_SECRET: BENCH_JWT_SECRET,
    JOBS: 'off',
  });
  const db = await benchDb();
  try {
    const { organizationId } = await devOrg(db);
    const data = await devData(db, organizationId);
    logBuild('dev-review', data);
    const team = await reviewTeam(db, organizationId);
    const variables = { teamId: team.id };
    const t = performance.now();
    const first = await graphql(server.url, REVIEW_QUERY, variables, team.token);
    const firstMs = performance.now() - t;
    if (first.errors) throw new Error(`dev-review: ${JSON.stringify(first.errors)}`);
    if (!first.data.developmentReview.autonomy.current.total)
      throw new Error('dev-review: no decisions for the team');
    const headers = { authorization: `Bearer ${team.token}` };
    const body = { query: REVIEW_QUERY, variables };
    await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const ours = await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds });
    const floor = await loadSql({
      sql: FLOOR_SQL,
      params: [organizationId, team.id],
      clients: CONNECTIONS,
      seconds,
    });
    if (ours.failed) throw new Error(`failed requests: ${ours.failed}`);
    report({
      scenario: 'dev-review',
      n: DECISIONS,
      people: data.people,
      enrolments: data.enrolments,
      team_decisions: team.decisions,
      connections: CONNECTIONS,
      requests: ours.count,
      p50_ms: ours.p50,
      p95_ms: ours.p95,
      rps: ours.rps,
      first_ms: firstMs,
      floor: 'team-statements-one-sql-via-pg',
      floor_p50_ms: floor.p50,
      floor_p95_ms: floor.p95,
      floor_ratio: ours.p50 / floor.p50,
      ...(data.built ? { build_s: data.buildMs / 1000 } : {}),
      target_p95_ms: TARGET_P95,
      ok: ours.p95 <= TARGET_P95,
    });
  } finally {
    await db.end();
    await server.stop();
  }
}
