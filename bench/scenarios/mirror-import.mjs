// mirror-import: a CRM pushes 100,000 customer rows (mirror-data.mjs: the 50 front-line teams of
// bench972 by name x 7 customer metrics x 286 weekly periods, the first 100,000) to
// POST /api/intake/customer-metrics as one CSV body (text/csv, the columns of the web import),
// with an intake API key made by `createIntakeApiKey` as HR. The CSV path takes its source from
// the key (`api:<key name>`), so each insert run uses a fresh key, hence a fresh source (every row
// inserted); the re-send runs send the same file with the first run's key (same source): they
// must change nothing (unchanged = 100,000). Wall time of the request end to end, 3 runs of each
// after one warm-up import of 5,000 rows; rows counted in metric_value afterwards, then removed.
// Also: the same rows as JSON once (json_ms, a fresh source) to separate CSV parsing from the rest.
// metric_value is vacuumed before and after (the runs insert then delete 405,000 rows).
// Floor: one COPY of the same CSV text into a scratch table (typed columns, no index) through
// `pg`; also (copy_indexed_*) COPY of the resolved rows into a copy of metric_value with its
// indexes and defaults (no foreign keys), what the storage alone costs.
import { Buffer } from 'node:buffer';
import {
  BENCH_DATA,
  BENCH_JWT_SECRET,
  benchDb,
  graphqlOk,
  percentile,
  report,
  startServer,
} from '../lib.mjs';
import {
  IMPORT_ROWS,
  IMPORT_WEEKS,
  SERVER_ENV,
  TEAMS,
  definitions,
  importRows,
  mirrorOrg,
  seedOrg,
} from './mirror-data.mjs';

const TARGET_MS = 5000;
const RUNS = 3;
const WARMUP_ROWS = 5000;
const SOURCE_PREFIX = 'api:bench-import-';
const SCRATCH = 'bench_mirror_import_copy';
const SCRATCH_IX = 'bench_mirror_import_copy_ix';

/** COPY … FROM STDIN of a text payload on a `pg` client (what pg-copy-streams does, in one chunk). */
export function copyFrom(client, sql, payload) {
  return new Promise((resolve, reject) => {
    let rowCount = null;
    let error = null;
    client.query({
      text: sql,
      submit(connection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection) {
        connection.sendCopyFromChunk(Buffer.from(payload));
        connection.endCopyFrom();
      },
      handleCommandComplete(msg) {
        rowCount = Number(/(\d+)$/.exec(msg.text ?? '')?.[1] ?? NaN);
      },
      handleError(e) {
        error = e;
      },
      handleReadyForQuery() {
        if (error) reject(error);
        else resolve(rowCount);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    });
  });
}

async function createKey(url, token, name) {
  const d = await graphqlOk(
    url,
    `mutation Key($name: String!) { createIntakeApiKey(name: $name) { key apiKey { id } } }`,
    { name },
    token,
  );
  return { key: d.createIntakeApiKey.key, id: d.createIntakeApiKey.apiKey.id, source: `api:${name}` };
}

async function send(url, key, body, contentType) {
  const t = performance.now();
  const res = await fetch(`${url}/api/intake/customer-metrics`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${key}` },
    body,
  });
  const out = await res.json();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`intake ${res.status}: ${JSON.stringify(out).slice(0, 500)}`);
  return { ms, ...out };
}

export async function run() {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, JWT_SECRET: BENCH_JWT_SECRET, ...SERVER_ENV });
  const db = await benchDb();
  const keys = [];
  let org;
  // The bench's rows out, and the table vacuumed: every run starts from the same metric_value.
  const cleanup = async () => {
    await db.query(`DELETE FROM metric_value WHERE organization_id = $1 AND source LIKE $2`, [
      org.organizationId,
      `${SOURCE_PREFIX}%`,
    ]);
    await db.query('VACUUM ANALYZE metric_value');
  };
  try {
    org = await mirrorOrg(db);
    await cleanup(); // rows left by a stopped run, dead tuples of earlier runs
    const defs = await definitions(server.url, org.hr.token); // the catalog exists
    const tb = performance.now();
    const { rows, csv } = importRows(defs, org.front);
    const buildMs = performance.now() - tb;
    const stamp = Date.now().toString(36);
    const newKey = async (label) => {
      const k = await createKey(server.url, org.hr.token, `bench-import-${stamp}-${label}`);
      keys.push(k);
      return k;
    };

    // Warm-up: the first 5,000 rows, on a source of their own.
    const warm = await newKey('warmup');
    const warmCsv =
      csv
        .split('\n')
        .slice(0, WARMUP_ROWS + 1)
        .join('\n') + '\n';
    const w = await send(server.url, warm.key, warmCsv, 'text/csv');
    if (w.inserted !== WARMUP_ROWS) throw new Error(`warm-up: ${JSON.stringify(w)}`);

    // Insert path: a fresh source per run.
    const inserts = [];
    for (let i = 0; i < RUNS; i++) {
      const k = await newKey(`run${i + 1}`);
      const r = await send(server.url, k.key, csv, 'text/csv');
      if (r.rows !== IMPORT_ROWS || r.inserted !== IMPORT_ROWS)
        throw new Error(`insert run ${i + 1}: ${JSON.stringify(r)}`);
      inserts.push(r.ms);
      console.error(`mirror-import: insert run ${i + 1}: ${Math.round(r.ms)} ms`);
    }
    // Re-send path: the first run's file again, same source: nothing changes.
    const resend = [];
    const same = keys[1];
    for (let i = 0; i < RUNS; i++) {
      const r = await send(server.url, same.key, csv, 'text/csv');
      if (r.unchanged !== IMPORT_ROWS || r.inserted !== 0 || r.updated !== 0)
        throw new Error(`re-send ${i + 1}: ${JSON.stringify(r)}`);
      resend.push(r.ms);
      console.error(`mirror-import: re-send ${i + 1}: ${Math.round(r.ms)} ms (unchanged ${r.unchanged})`);
    }
    // The same rows as JSON, once, on a fresh source.
    const jk = await newKey('json');
    const jsonBody = JSON.stringify({ source: `${SOURCE_PREFIX}${stamp}-json`, rows });
    const j = await send(server.url, jk.key, jsonBody, 'application/json');
    if (j.inserted !== IMPORT_ROWS) throw new Error(`json run: ${JSON.stringify(j)}`);

    const {
      rows: [count],
    } = await db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE source = $3)::int AS resent
         FROM metric_value WHERE organization_id = $1 AND source LIKE $2`,
      [org.organizationId, `${SOURCE_PREFIX}%`, same.source],
    );
    const expectedTotal = WARMUP_ROWS + (RUNS + 1) * IMPORT_ROWS;
    if (count.total !== expectedTotal || count.resent !== IMPORT_ROWS)
      throw new Error(
        `metric_value afterwards: ${JSON.stringify(count)}, expected ${expectedTotal} / ${IMPORT_ROWS}`,
      );

    // Floors: COPY of the same CSV into a typed scratch table; COPY of the resolved rows into a copy of metric_value.
    await db.query(`DROP TABLE IF EXISTS ${SCRATCH}, ${SCRATCH_IX}`);
    await db.query(`CREATE TABLE ${SCRATCH} (team text, metric text, period_kind period_kind, period_start date,
                      value numeric(14,4), sample_size int)`);
    await db.query(
      `CREATE TABLE ${SCRATCH_IX} (LIKE metric_value INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
    );
    const teamId = new Map(org.front.map((t) => [t.name, t.id]));
    const resolved = rows
      .map(
        (r) =>
          `${org.organizationId},${defs.get(r.metric).id},${teamId.get(r.team)},WEEK,${r.periodStart},${r.value},${r.sampleSize},floor`,
      )
      .join('\n');
    const copies = [];
    const copiesIx = [];
    for (let i = 0; i < RUNS; i++) {
      await db.query(`TRUNCATE ${SCRATCH}, ${SCRATCH_IX}`);
      let t = performance.now();
      const n = await copyFrom(db, `COPY ${SCRATCH} FROM STDIN WITH (FORMAT csv, HEADER true)`, csv);
      copies.push(performance.now() - t);
      t = performance.now();
      const m = await copyFrom(
        db,
        `COPY ${SCRATCH_IX} (organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source)
           FROM STDIN WITH (FORMAT csv)`,
        resolved,
      );
      copiesIx.push(performance.now() - t);
      if (n !== IMPORT_ROWS || m !== IMPORT_ROWS) throw new Error(`COPY stored ${n} / ${m} rows`);
    }
    await db.query(`DROP TABLE ${SCRATCH}, ${SCRATCH_IX}`);

    const p50 = percentile(inserts, 50);
    const p95 = percentile(inserts, 95);
    const floorP50 = percentile(copies, 50);
    report({
      scenario: 'mirror-import',
      n: IMPORT_ROWS,
      teams: TEAMS,
      metrics: 7,
      weeks: IMPORT_WEEKS,
      csv_mb: Buffer.byteLength(csv) / 1e6,
      runs: RUNS,
      p50_ms: p50,
      p95_ms: p95,
      resend_p50_ms: percentile(resend, 50),
      resend_p95_ms: percentile(resend, 95),
      resend_unchanged: IMPORT_ROWS,
      json_ms: j.ms,
      rows_after: count.total,
      floor: 'copy-csv-into-scratch-table-via-pg',
      floor_p50_ms: floorP50,
      floor_p95_ms: percentile(copies, 95),
      floor_ratio: p50 / floorP50,
      copy_indexed_p50_ms: percentile(copiesIx, 50),
      data_build_ms: buildMs,
      target_p95_ms: TARGET_MS,
      ok: p95 <= TARGET_MS && percentile(resend, 95) <= TARGET_MS,
    });
  } finally {
    try {
      if (org) {
        await cleanup();
        // The bench's own keys (the rows of its audit trail stay).
        await db.query(`DELETE FROM intake_api_key WHERE id = ANY($1::uuid[])`, [keys.map((k) => k.id)]);
      }
    } finally {
      await db.end();
      await server.stop();
    }
  }
}
