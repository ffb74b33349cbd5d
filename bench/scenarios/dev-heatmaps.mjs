// dev-heatmaps: the organisation's autonomy heatmap (teams × 12 months, % settled without
// escalation, from the monthly rollups kept on write) and skills heatmap (teams × skills coverage:
// everyone's current levels against their position's requirements, stored per team and skill and
// rebuilt when older than ten minutes or after a change; the first call pays the rebuild), as HR,
// on 10,000 people and 1,000,000 decisions (dev-data.mjs). One connection.
// Floor: reading the same rows (rollups and stored coverage) as one SQL statement through `pg`;
// the live coverage aggregate is timed apart (live_coverage_p50_ms).
import {
  BENCH_DATA,
  BENCH_JWT_SECRET,
  benchDb,
  cli,
  graphql,
  load,
  loadSql,
  report,
  startServer,
} from '../lib.mjs';
import { DECISIONS, PEOPLE, devData, devOrg, logBuild } from './dev-data.mjs';

const TARGET_P95 = 150;
const CONNECTIONS = 1;
const QUERY = `{ autonomyHeatmap { columns rows { teamId teamName cells overall } }
  skillsHeatmap { columns rows { teamId teamName cells overall } } }`;
const FLOOR_SQL = `SELECT
  (SELECT json_agg(a) FROM (
     SELECT a.team_id, t.name, a.month, a.total, a.local, a.beyond_confirmed, a.beyond_pending
       FROM autonomy_monthly a JOIN team t ON t.id = a.team_id
      WHERE a.organization_id = $1 AND a.month >= date_trunc('month', now()) - interval '11 months') a) AS autonomy,
  (SELECT json_agg(s) FROM (
     SELECT c.team_id, t.name, c.skill_id, k.name AS skill, c.required, c.met
       FROM skill_coverage c JOIN team t ON t.id = c.team_id JOIN skill k ON k.id = c.skill_id
      WHERE c.organization_id = $1) s) AS skills`;
const LIVE_COVERAGE_SQL = `SELECT p.team_id, ps.skill_id, count(*) AS required,
       count(*) FILTER (WHERE coalesce(k.manager_level, k.self_level, 0) >= ps.required_level) AS met
  FROM person p JOIN position_skill ps ON ps.position_id = p.position_id
  LEFT JOIN person_skill k ON k.person_id = p.id AND k.skill_id = ps.skill_id
 WHERE p.organization_id = $1 GROUP BY 1, 2`;

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
    const { organizationId, hr } = await devOrg(db);
    const data = await devData(db, organizationId);
    logBuild('dev-heatmaps', data);
    const t = performance.now();
    const first = await graphql(server.url, QUERY, {}, hr.token);
    const firstMs = performance.now() - t;
    if (first.errors) throw new Error(`dev-heatmaps: ${JSON.stringify(first.errors)}`);
    const teams = first.data.autonomyHeatmap.rows.length;
    if (!teams || !first.data.skillsHeatmap.rows.length) throw new Error('dev-heatmaps: empty heatmaps');
    const headers = { authorization: `Bearer ${hr.token}` };
    const body = { query: QUERY };
    await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const ours = await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds });
    const floor = await loadSql({ sql: FLOOR_SQL, params: [organizationId], clients: CONNECTIONS, seconds });
    const live = await loadSql({
      sql: LIVE_COVERAGE_SQL,
      params: [organizationId],
      clients: CONNECTIONS,
      seconds: 5,
    });
    if (ours.failed) throw new Error(`failed requests: ${ours.failed}`);
    report({
      scenario: 'dev-heatmaps',
      n: DECISIONS,
      people: data.people,
      teams,
      skills: first.data.skillsHeatmap.columns.length,
      connections: CONNECTIONS,
      requests: ours.count,
      p50_ms: ours.p50,
      p95_ms: ours.p95,
      rps: ours.rps,
      first_ms: firstMs,
      floor: 'heatmap-aggregates-one-sql-via-pg',
      floor_p50_ms: floor.p50,
      floor_p95_ms: floor.p95,
      floor_ratio: ours.p50 / floor.p50,
      live_coverage_p50_ms: live.p50,
      ...(data.built ? { build_s: data.buildMs / 1000 } : {}),
      target_p95_ms: TARGET_P95,
      ok: ours.p95 <= TARGET_P95,
    });
  } finally {
    await db.end();
    await server.stop();
  }
}
