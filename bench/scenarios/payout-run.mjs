// payout-run: a payout run of an approved quarterly scheme for 100,000 people × 6 components
// (payout-data.mjs), by the API's own IncentiveService.startRun in a child process running the
// built application (bench/incentive-runner.mjs): read the inputs (population, team metrics,
// objectives, uploads), compute the 600,000 lines in decimal arithmetic, hash, and store the run,
// its 100,000 snapshotted participants with their 600,000 lines (one row per participant, the lines
// as arrays) in one transaction. p50/p95: wall time, after one warm-up run, of
// RUNS runs (each run deleted afterwards); peak_rss_mb: the child's peak resident set (the whole
// application included). Floor: inserting the same rows (100,000 participant rows holding 600,000
// lines, same table and indexes) with one INSERT … SELECT computed by PostgreSQL from the same
// people, in one transaction, through `pg`.
import { BENCH_DATA, benchDb, percentile, report, startServer } from '../lib.mjs';
import { COMPONENTS, PEOPLE, SERVER_ENV, payoutData, startRunner } from './payout-data.mjs';

const TARGET_MS = 10_000;
const TARGET_RSS_MB = 1024;
const RUNS = Number(process.env.PAYOUT_RUNS ?? 3);

export async function run() {
  const server = await startServer({ DATA_DIR: BENCH_DATA, ...SERVER_ENV });
  const db = await benchDb();
  const runner = startRunner();
  try {
    const data = await payoutData(db);
    await db.query(`DELETE FROM incentive_run WHERE organization_id = $1`, [data.organizationId]);
    // Runs are deleted after each measure: vacuum (untimed) so that each run, and the floor, write
    // into a table in its steady state rather than one bloated by the previous runs' dead rows.
    const vacuum = () => db.query('VACUUM (ANALYZE) incentive_run, incentive_run_participant');
    await vacuum();
    await runner.ask();
    // Warm-up (the conventions' "warms up, then measures"): one run, discarded; its memory counts.
    const warm = await runner.ask({ cmd: 'run', viewer: data.viewer, schemeId: data.runScheme });
    await db.query(`DELETE FROM incentive_run WHERE id = $1`, [warm.runId]);
    await vacuum();
    const times = [];
    let rss = warm.rssMb;
    let lines = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const r = await runner.ask({ cmd: 'run', viewer: data.viewer, schemeId: data.runScheme });
      times.push(r.ms);
      rss = Math.max(rss, r.rssMb);
      const {
        rows: [c],
      } = await db.query(`SELECT count(*)::int AS n FROM incentive_run_line WHERE run_id = $1`, [r.runId]);
      lines = c.n;
      if (r.participants !== PEOPLE - 2 || lines !== r.participants * COMPONENTS.length)
        throw new Error(`run stored ${r.participants} people and ${lines} lines`);
      await db.query(`DELETE FROM incentive_run WHERE id = $1`, [r.runId]);
      await vacuum();
    }
    // Floor: the same rows, inserted set-based by PostgreSQL.
    const t = performance.now();
    await db.query('BEGIN');
    const {
      rows: [fr],
    } = await db.query(
      `INSERT INTO incentive_run (organization_id, scheme_id, number, status, scheme_snapshot, team_inputs, participants,
         missing_count, total, total_before_cap, budget_applied, hash)
       VALUES ($1, $2, 999, 'DISCARDED', '{}', '{}', 0, 0, 0, 0, false, repeat('0', 64)) RETURNING id`,
      [data.organizationId, data.runScheme],
    );
    await db.query(
      `INSERT INTO incentive_run_participant (run_id, organization_id, person_id, team_id, target_pay, base_salary, fte,
         employment_start, employment_end, inputs, total, proration_factor, eligible_days, component_ids, statuses,
         measure_values, payout_percents, target_amounts, failed_gates, pool_weights, amounts_before_cap, amounts)
       SELECT $1, organization_id, id, team_id, base_salary * 0.025, base_salary, fte, NULL, NULL,
              '{"objective":{"value":"100.0000"},"upload:quality":{"value":"80.0000"},"upload:sales":{"value":"90.0000"}}',
              810, 1, 92, $3::text[], '{PAID,PAID,PAID,PAID,PAID,PAID}', '{87.5,40,95,100,80,90}',
              '{112.5,100,125,100,80,90}', '{150,112.5,112.5,187.5,112.5,75}', '{"","","","","",""}',
              '{NULL,1,NULL,NULL,NULL,NULL}', '{168.75,112.5,140.63,187.5,90,67.5}', '{168.75,112.5,140.63,187.5,90,67.5}'
         FROM person WHERE organization_id = $2 AND team_id IS NOT NULL`,
      [fr.id, data.organizationId, COMPONENTS.map((x) => x.id)],
    );
    await db.query('COMMIT');
    const floor = performance.now() - t;
    await db.query(`DELETE FROM incentive_run WHERE id = $1`, [fr.id]);
    const p95 = percentile(times, 95);
    report({
      scenario: 'payout-run',
      n: `${PEOPLE - 2}x${COMPONENTS.length}`,
      lines,
      p50_ms: percentile(times, 50),
      p95_ms: p95,
      peak_rss_mb: rss,
      floor: 'insert-same-rows-one-statement',
      floor_ms: floor,
      floor_ratio: p95 / floor,
      target_ms: TARGET_MS,
      target_rss_mb: TARGET_RSS_MB,
      ok: p95 <= TARGET_MS && rss <= TARGET_RSS_MB,
    });
  } finally {
    await runner.ask({ cmd: 'close' }).catch(() => undefined);
    await db.end();
    await server.stop();
  }
}
