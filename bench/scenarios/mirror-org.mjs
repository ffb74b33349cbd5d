// mirror-org: the organisation's mirror as HR sees it, `mirrorView(periods: 24)` (monthly): per
// pair the current gap, the 24-period trend, lagged Pearson/Spearman (lags 0-3) with readings,
// scatter and fit, and the team heatmap, over 50 teams x 24 periods x 14 metrics (16,800 values,
// mirror-data.mjs; the organisation has 59 teams, all visible to HR, 50 of them with figures).
// HR reads this page one at a time: one connection, p95 is the time of one answer.
// Floors, same run, one connection: the raw aggregate statement MirrorService.mirror runs
// (sample-size-weighted value per metric x team x period, same parameters) through `pg`, and a
// bare `{ __typename }` GraphQL query on the same server.
import {
  BENCH_DATA,
  BENCH_JWT_SECRET,
  benchDb,
  graphql,
  load,
  loadSql,
  report,
  startServer,
} from '../lib.mjs';
import { PAIRS, PERIODS, SERVER_ENV, mirrorData, mirrorOrg, mirrorPeriods, seedOrg } from './mirror-data.mjs';

const TARGET_P95 = 80;
const CONNECTIONS = 1;
export const QUERY = `query Mirror($periods: Int!) { mirrorView(periods: $periods) {
  pairs { key current { gap customer { score } employee { score } } trend { period gap }
    correlation { pearson { lag n r ciLow ciHigh } spearman { lag r } verdict bestLag reading { en }
      scatter { teamId internal customer } fit { slope intercept } } }
  heatmap { teamId pairKey gap } } }`;

// MirrorService.mirror's aggregate ($1 organisation, $2 period kind, $3 first period, $4 last, $5 k, $6 teams).
export const MIRROR_SQL = `SELECT metric_id, team_id, to_char(period_start, 'YYYY-MM-DD') AS period,
                sum(value * sample_size) / nullif(sum(sample_size), 0) AS value, sum(sample_size)::int AS n
           FROM metric_value
          WHERE organization_id = $1 AND period_kind = $2 AND period_start BETWEEN $3 AND $4 AND sample_size >= $5
            AND team_id = ANY($6::uuid[])
          GROUP BY metric_id, team_id, period_start`;

export async function run({ seconds = 15 } = {}) {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, JWT_SECRET: BENCH_JWT_SECRET, ...SERVER_ENV });
  const db = await benchDb();
  try {
    const org = await mirrorOrg(db);
    const data = await mirrorData(db, server.url, org);
    if (data.built)
      console.error(
        `mirror-org: built ${data.values} values (${data.teams} teams x ${data.periods} periods x ${data.metrics} metrics) ` +
          `in ${(data.buildMs / 1000).toFixed(1)} s (vacuum analyze ${(data.vacuumMs / 1000).toFixed(1)} s)`,
      );
    const variables = { periods: PERIODS };
    const t = performance.now();
    const first = await graphql(server.url, QUERY, variables, org.hr.token);
    const firstMs = performance.now() - t;
    if (first.errors) throw new Error(`mirror-org: ${JSON.stringify(first.errors)}`);
    const view = first.data.mirrorView;
    const withData = new Set(view.heatmap.filter((c) => c.gap !== null).map((c) => c.teamId));
    const lag1 = view.pairs.map((p) => p.correlation.pearson.find((l) => l.lag === 1));
    if (
      view.pairs.length !== PAIRS.length ||
      view.heatmap.length !== org.teams.length * PAIRS.length ||
      withData.size !== org.front.length ||
      view.pairs.some((p) => p.trend.length !== PERIODS || p.current.gap === null) ||
      lag1.some((l) => !l || l.r === null)
    )
      throw new Error(`unexpected mirror: ${JSON.stringify(view).slice(0, 600)}`);
    const responseBytes = JSON.stringify(first).length;

    const headers = { authorization: `Bearer ${org.hr.token}` };
    const body = { query: QUERY, variables };
    const bare = { query: '{ __typename }' };
    await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const ours = await load({ url: server.url, body, headers, connections: CONNECTIONS, seconds });
    const typename = await load({
      url: server.url,
      body: bare,
      headers,
      connections: CONNECTIONS,
      seconds: 5,
    });
    const periods = mirrorPeriods();
    const params = [
      org.organizationId,
      'MONTH',
      periods[0],
      periods[PERIODS - 1],
      org.k,
      org.teams.map((x) => x.id),
    ];
    const floor = await loadSql({ sql: MIRROR_SQL, params, clients: CONNECTIONS, seconds });
    if (ours.failed || typename.failed)
      throw new Error(`failed requests: ours ${ours.failed}, typename ${typename.failed}`);
    report({
      scenario: 'mirror-org',
      n: data.values,
      teams: data.teams,
      teams_visible: org.teams.length,
      periods: data.periods,
      metrics: data.metrics,
      connections: CONNECTIONS,
      requests: ours.count,
      p50_ms: ours.p50,
      p95_ms: ours.p95,
      rps: ours.rps,
      first_ms: firstMs,
      response_kb: responseBytes / 1024,
      lag1_r: lag1.map((l) => l.r.toFixed(2)).join('/'),
      floor: 'mirror-aggregate-sql-via-pg',
      floor_p50_ms: floor.p50,
      floor_p95_ms: floor.p95,
      floor_ratio: ours.p50 / floor.p50,
      typename_p50_ms: typename.p50,
      typename_p95_ms: typename.p95,
      ...(data.built ? { build_s: data.buildMs / 1000 } : {}),
      target_p95_ms: TARGET_P95,
      ok: ours.p95 <= TARGET_P95,
    });
  } finally {
    await db.end();
    await server.stop();
  }
}
