// desk-metrics: the monthly figures of every support service (`deskMetrics(months: 12)` as HR:
// opened, resolved, backlog at month end, conformity, response and resolution times with p90,
// reopen and renegotiation rates, CSAT and effort) over the 100,000 requests of desk-data.mjs (a
// year of them). HR reads this page one at a time: one connection, p95 is the time of one answer.
// The months are stored (DeskMetricStore migration) and recomputed only when a change touches
// them: the store is emptied first, so the first answer (first_ms) computes and stores all twelve
// months; the load measures repeated reads. `changed_*`: answers right after a change of a request
// of the current month (renegotiation_count moved by SQL, and moved back: the data stays as built),
// each of which recomputes the current month live.
// Floor: DeskService.metrics's live statement (METRICS_SQL: one pass over the requests, months by
// width_bucket, backlog from monthly flows; kept in step with the service) for all twelve months,
// what every answer cost before the months were stored, through `pg`, same parameters, one
// connection, same run.
import { BENCH_DATA, benchDb, graphql, load, loadSql, report, startServer } from '../lib.mjs';
import { SERVER_ENV, deskData, deskOrg, logBuild, seedOrg, services } from './desk-data.mjs';

const TARGET_P95 = 200;
const CONNECTIONS = 1;
const MONTHS = 12;
/** Reads measured right after a change in the current month. */
const CHANGES = 20;
const QUERY = `query Metrics($months: Int!) { deskMetrics(months: $months) {
  month supportServiceId categoryId requesterTeamId opened resolved backlog firstResponseConformity resolutionConformity
  medianResponseHours p90ResponseHours medianResolveHours p90ResolveHours reopenRate renegotiationRate ratings csat effort } }`;

// DeskService.metrics's live statement (METRICS_SQL) as it reads all the months it is given: the
// service's version also leaves out requests opened and resolved before the first month (for the
// months recomputed after a change), a filter that keeps nothing out over twelve months of this data
// and only costs time there, so the floor goes without it ($1 organisation, $2 services, $3 time
// zone, $4 months, $5 by category, $6 by team).
export const METRICS_SQL = `WITH b AS (
  SELECT array_agg(((date_trunc('month', (now() AT TIME ZONE $3)) - make_interval(months => $4 - 1 - i)) AT TIME ZONE $3) ORDER BY i) AS bounds
    FROM generate_series(0, $4) AS i
), scope AS (
  -- bucket 0: before the window; 1..$4: the months; $4+1: after the last bound (never: the last bound is next month)
  SELECT r.id, r.support_service_id, r.created_at, r.first_responded_at, r.resolved_at, r.first_response_met, r.resolution_met,
         r.reopen_count, r.renegotiation_count,
         width_bucket(r.created_at, b.bounds) AS mb,
         CASE WHEN r.resolved_at IS NOT NULL THEN width_bucket(r.resolved_at, b.bounds) END AS rb,
         CASE WHEN $5 THEN r.category_id END AS cat, CASE WHEN $6 THEN r.requester_team_id END AS team
    FROM service_request r, b
   WHERE r.organization_id = $1 AND r.support_service_id = ANY($2::uuid[])
), agg AS (
  SELECT q.mb, q.support_service_id, q.cat, q.team, count(*)::int AS opened,
         count(*) FILTER (WHERE q.resolved_at IS NOT NULL)::int AS resolved,
         100.0 * avg(q.first_response_met::int) FILTER (WHERE q.first_response_met IS NOT NULL) AS fr_conf,
         100.0 * avg(q.resolution_met::int) FILTER (WHERE q.resolution_met IS NOT NULL) AS res_conf,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q.first_responded_at - q.created_at)) / 3600 AS med_resp,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM q.first_responded_at - q.created_at)) / 3600 AS p90_resp,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q.resolved_at - q.created_at)) / 3600 AS med_res,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM q.resolved_at - q.created_at)) / 3600 AS p90_res,
         100.0 * count(*) FILTER (WHERE q.reopen_count > 0) / nullif(count(*) FILTER (WHERE q.resolved_at IS NOT NULL), 0) AS reopen_rate,
         100.0 * count(*) FILTER (WHERE q.renegotiation_count > 0) / count(*) AS reneg_rate,
         count(g.request_id)::int AS n, 100.0 * avg((g.csat >= 4)::int) AS csat, avg(g.effort) AS effort
    FROM scope q LEFT JOIN request_rating g ON g.request_id = q.id AND g.status = 'RATED'
   WHERE q.mb >= 1
   GROUP BY 1, 2, 3, 4
), flows AS (
  SELECT support_service_id, cat, team, mb AS k, count(*) AS d FROM scope GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT support_service_id, cat, team, rb, -count(*) FROM scope WHERE rb IS NOT NULL GROUP BY 1, 2, 3, 4
), backlog AS (
  SELECT m.k, f.support_service_id, f.cat, f.team, sum(f.d)::int AS open_at_end
    FROM generate_series(1, $4) AS m(k) JOIN flows f ON f.k <= m.k GROUP BY 1, 2, 3, 4
)
SELECT to_char((SELECT bounds[a.mb] FROM b) AT TIME ZONE $3, 'YYYY-MM') AS month, a.support_service_id, a.cat, a.team, a.opened, a.resolved,
       coalesce(bl.open_at_end, 0) AS backlog, a.fr_conf, a.res_conf, a.med_resp, a.p90_resp, a.med_res, a.p90_res,
       a.reopen_rate, a.reneg_rate, CASE WHEN a.n > 0 THEN a.n END AS ratings, a.csat, a.effort
  FROM agg a
  LEFT JOIN backlog bl ON bl.k = a.mb AND bl.support_service_id = a.support_service_id
       AND bl.cat IS NOT DISTINCT FROM a.cat AND bl.team IS NOT DISTINCT FROM a.team
 ORDER BY a.mb, a.support_service_id, a.cat NULLS FIRST, a.team NULLS FIRST`;

export async function run({ seconds = 15 } = {}) {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, ...SERVER_ENV });
  const db = await benchDb();
  try {
    const { organizationId, hr } = await deskOrg(db);
    const data = await deskData(db, organizationId);
    logBuild('desk-metrics', data);
    const all = await services(db, organizationId);
    const {
      rows: [org],
    } = await db.query(`SELECT time_zone FROM organization WHERE id = $1`, [organizationId]);
    const variables = { months: MONTHS };
    await db.query(`DELETE FROM desk_metric_figure WHERE organization_id = $1`, [organizationId]);
    await db.query(`DELETE FROM desk_metric_mark WHERE organization_id = $1`, [organizationId]);
    const t = performance.now();
    const first = await graphql(server.url, QUERY, variables, hr.token);
    const firstMs = performance.now() - t;
    if (first.errors) throw new Error(`desk-metrics: ${JSON.stringify(first.errors)}`);
    const rows = first.data.deskMetrics;
    const opened = rows.reduce((a, r) => a + r.opened, 0);
    if (new Set(rows.map((r) => r.supportServiceId)).size !== all.length || opened === 0)
      throw new Error(`unexpected metrics: ${rows.length} rows, ${opened} opened`);

    const headers = { authorization: `Bearer ${hr.token}` };
    const body = { query: QUERY, variables };
    await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const ours = await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds });
    // Services in the order the API lists them (visibleServices: the organisation's, all visible to HR).
    const { rows: ids } = await db.query(`SELECT id FROM support_service WHERE organization_id = $1`, [
      organizationId,
    ]);
    const params = [organizationId, ids.map((r) => r.id), org.time_zone, MONTHS, false, false];
    const floor = await loadSql({ sql: METRICS_SQL, params, clients: CONNECTIONS, seconds });
    if (ours.failed) throw new Error(`failed requests: ${ours.failed}`);
    // Answers right after a change in the current month (a request opened in it, changed and changed back).
    const {
      rows: [recent],
    } = await db.query(
      `SELECT id FROM service_request WHERE organization_id = $1 AND created_at >= date_trunc('month', now() AT TIME ZONE $2) AT TIME ZONE $2
        ORDER BY created_at DESC LIMIT 1`,
      [organizationId, org.time_zone],
    );
    const changed = [];
    for (let i = 0; recent && i < CHANGES; i++) {
      await db.query(
        `UPDATE service_request SET renegotiation_count = renegotiation_count + $2 WHERE id = $1`,
        [recent.id, i % 2 ? -1 : 1],
      );
      const t1 = performance.now();
      const r = await graphql(server.url, QUERY, variables, hr.token);
      changed.push(performance.now() - t1);
      if (r.errors) throw new Error(`desk-metrics: ${JSON.stringify(r.errors)}`);
    }
    if (recent && CHANGES % 2)
      await db.query(
        `UPDATE service_request SET renegotiation_count = renegotiation_count - 1 WHERE id = $1`,
        [recent.id],
      );
    changed.sort((x, y) => x - y);
    const pct = (q) => changed[Math.min(changed.length - 1, Math.ceil((q / 100) * changed.length) - 1)];
    report({
      scenario: 'desk-metrics',
      n: data.requests,
      services: all.length,
      months: MONTHS,
      rows: rows.length,
      opened_in_window: opened,
      connections: CONNECTIONS,
      requests: ours.count,
      p50_ms: ours.p50,
      p95_ms: ours.p95,
      rps: ours.rps,
      first_ms: firstMs,
      changed_n: changed.length,
      changed_p50_ms: pct(50),
      changed_p95_ms: pct(95),
      floor: 'metrics-live-12-months-sql-via-pg',
      floor_p50_ms: floor.p50,
      floor_p95_ms: floor.p95,
      floor_ratio: ours.p50 / floor.p50,
      ...(data.built ? { build_s: data.buildMs / 1000, seed_s: data.seedMs / 1000 } : {}),
      target_p95_ms: TARGET_P95,
      ok: ours.p95 <= TARGET_P95,
    });
  } finally {
    await db.end();
    await server.stop();
  }
}
