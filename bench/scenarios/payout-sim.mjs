// payout-sim: a simulation of a scheme for 10,000 people × 6 components (payout-data.mjs; the
// first 100 of its teams) by IncentiveService.simulate in the built application
// (bench/incentive-runner.mjs): inputs read, every line computed, totals per team and component,
// histogram; nothing stored. p50/p95 over RUNS runs after one warm-up run. Floor: the raw SQL reads of the same inputs
// (population, team metrics over the quarter, the three entered measures) through `pg`.
import { BENCH_DATA, benchDb, percentile, report, startServer } from '../lib.mjs';
import { PERIOD, SERVER_ENV, SIM_TEAMS, payoutData, startRunner } from './payout-data.mjs';

const TARGET_MS = 2000;
const RUNS = Number(process.env.PAYOUT_RUNS ?? 7);

export async function run() {
  const server = await startServer({ DATA_DIR: BENCH_DATA, ...SERVER_ENV });
  const db = await benchDb();
  const runner = startRunner();
  try {
    const data = await payoutData(db);
    await runner.ask();
    // One warm-up simulation (a running server has its code compiled and its pool open).
    await runner.ask({ cmd: 'simulate', viewer: data.viewer, schemeId: data.simScheme });
    const times = [];
    let n = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const r = await runner.ask({ cmd: 'simulate', viewer: data.viewer, schemeId: data.simScheme });
      times.push(r.ms);
      n = r.participants;
    }
    const floors = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      const {
        rows: [s],
      } = await db.query(`SELECT population FROM incentive_scheme WHERE id = $1`, [data.simScheme]);
      const teams = s.population.teamIds;
      await db.query(
        `SELECT id, team_id, position_id, fte::text, base_salary::text, hire_date::text FROM person
          WHERE organization_id = $1 AND team_id = ANY($2::uuid[])`,
        [data.organizationId, teams],
      );
      await db.query(
        `SELECT v.team_id, d.key, sum(v.value * v.sample_size) / sum(v.sample_size) FROM metric_value v
           JOIN metric_definition d ON d.id = v.metric_id
          WHERE v.organization_id = $1 AND v.period_kind = 'MONTH' AND v.period_start BETWEEN $2::date AND '2026-09-30'
          GROUP BY 1, 2`,
        [data.organizationId, PERIOD],
      );
      await db.query(
        `SELECT i.person_id, i.measure_key, i.value::text FROM incentive_input i JOIN person p ON p.id = i.person_id
          WHERE i.scheme_id = $1 AND p.organization_id = $2 AND p.team_id = ANY($3::uuid[])`,
        [data.simScheme, data.organizationId, teams],
      );
      floors.push(performance.now() - t);
    }
    const p95 = percentile(times, 95);
    const floor = percentile(floors, 50);
    report({
      scenario: 'payout-sim',
      n: `${n}x6 (${SIM_TEAMS} teams)`,
      p50_ms: percentile(times, 50),
      p95_ms: p95,
      floor: 'raw-sql-input-reads',
      floor_p50_ms: floor,
      floor_ratio: p95 / floor,
      target_p95_ms: TARGET_MS,
      ok: p95 <= TARGET_MS,
    });
  } finally {
    await runner.ask({ cmd: 'close' }).catch(() => undefined);
    await db.end();
    await server.stop();
  }
}
