// desk-sweep: the at-risk sweep (DeskService.sweep, the pg-boss job of each minute) over the
// 20,000 open requests of desk-data.mjs, run by the API's own built code: bench/desk-runner.mjs
// builds the whole Nest application from dist/ (as the server does, jobs off) in a child process
// and calls app.get(DeskService).sweep(now) on demand. `now` is 60 days ahead, so that every open
// request's warning moments are past; before each run the warnings given (request_risk_warning
// rows of the open requests, AT_RISK events, REQUEST_AT_RISK notifications) are removed, then
// VACUUM ANALYZE, so that each run does the whole work on fresh data. The sweep warns what it is
// meant to: first response (not yet answered) and resolution, in the states NEW, ACKNOWLEDGED and
// IN_PROGRESS (WAITING_ON_REQUESTER is paused). p50/p95 are the wall times of RUNS runs. The
// sweep itself is one statement per batch of 20,000 warnings (warning rows, events,
// notifications, e-mail copies), on two connections at once, each its share of the requests.
// Floor: the same two INSERT … SELECT statements of the warning rows (one per kind, every row at
// once) through `pg`, one connection; floor_full_ms: the whole answer set-based on one connection
// (the warning rows, the AT_RISK events and the notifications in one statement per kind).
// Afterwards the open requests are left warned, so that a server with jobs on has nothing to sweep.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import {
  ROOT,
  BENCH_DATA,
  BENCH_JWT_SECRET,
  benchDb,
  benchDbUrl,
  percentile,
  report,
  startServer,
} from '../lib.mjs';
import { SERVER_ENV, deskData, deskOrg, logBuild, seedOrg } from './desk-data.mjs';

const TARGET_MS = 2000;
const RUNS = 5;
const FLOOR_RUNS = 3;
const AHEAD_MS = 60 * 86_400_000;
const ACTIVE = `('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS')`;
const unwarned = (kind) =>
  `NOT EXISTS (SELECT 1 FROM request_risk_warning w WHERE w.request_id = service_request.id AND w.kind = '${kind}')`;
const KINDS = {
  first_response: {
    cond: `first_responded_at IS NULL AND first_response_risk_at <= $1 AND state IN ${ACTIVE} AND ${unwarned('first_response')}`,
    due: 'first_response_due_at',
    label: 'First response',
  },
  resolution: {
    cond: `resolution_risk_at <= $1 AND state IN ${ACTIVE} AND ${unwarned('resolution')}`,
    due: 'resolution_due_at',
    label: 'Resolution',
  },
};
const RETURNING = `id, organization_id, number, subject, requester_id, assignee_id, support_service_id`;

async function reset(db, organizationId, { warned = false } = {}) {
  await db.query(
    `DELETE FROM request_risk_warning w USING service_request r
      WHERE r.id = w.request_id AND r.organization_id = $1 AND r.state NOT IN ('RESOLVED', 'CLOSED')`,
    [organizationId],
  );
  if (warned)
    await db.query(
      `INSERT INTO request_risk_warning (request_id, kind, organization_id)
       SELECT r.id, k.kind, r.organization_id FROM service_request r, (VALUES ('first_response'), ('resolution')) AS k(kind)
        WHERE r.organization_id = $1 AND r.state NOT IN ('RESOLVED', 'CLOSED')`,
      [organizationId],
    );
  await db.query(`DELETE FROM request_event WHERE organization_id = $1 AND kind = 'AT_RISK'`, [
    organizationId,
  ]);
  await db.query(`DELETE FROM notification WHERE organization_id = $1 AND kind = 'REQUEST_AT_RISK'`, [
    organizationId,
  ]);
  await db.query(`VACUUM ANALYZE service_request, request_risk_warning, request_event, notification`);
}

/** What a sweep at `now` has to warn: per kind, in every organisation (the sweep is global) and in ours. */
async function due(db, organizationId, now) {
  const out = {};
  for (const [kind, k] of Object.entries(KINDS)) {
    const {
      rows: [r],
    } = await db.query(
      `SELECT count(*)::int AS "all", count(*) FILTER (WHERE organization_id = $2)::int AS ours FROM service_request WHERE ${k.cond}`,
      [now, organizationId],
    );
    out[kind] = r;
  }
  return out;
}

async function warnings(db, organizationId) {
  const {
    rows: [r],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM request_event WHERE organization_id = $1 AND kind = 'AT_RISK') AS events,
            (SELECT count(*)::int FROM notification WHERE organization_id = $1 AND kind = 'REQUEST_AT_RISK') AS notifications`,
    [organizationId],
  );
  return r;
}

function startRunner() {
  const child = fork(join(ROOT, 'bench', 'desk-runner.mjs'), ['app'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: benchDbUrl(),
      JWT_SECRET: BENCH_JWT_SECRET,
      DATA_DIR: BENCH_DATA,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED: 'none',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (msg) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`desk runner exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        if (m.error) reject(new Error(`desk runner: ${m.error}`));
        else resolve(m);
      });
      if (msg) child.send(msg);
    });
  return { child, ask };
}

export async function run() {
  seedOrg();
  const server = await startServer({ DATA_DIR: BENCH_DATA, ...SERVER_ENV });
  const db = await benchDb();
  let runner;
  let organizationId;
  try {
    ({ organizationId } = await deskOrg(db));
    const data = await deskData(db, organizationId);
    logBuild('desk-sweep', data);
    const now = new Date(Date.now() + AHEAD_MS);

    runner = startRunner();
    const ready = await runner.ask(null);
    const times = [];
    let last;
    let expected;
    for (let i = 0; i < RUNS; i++) {
      await reset(db, organizationId);
      expected = await due(db, organizationId, now);
      const total = expected.first_response.all + expected.resolution.all;
      last = await runner.ask({ cmd: 'sweep', now: now.toISOString() });
      if (last.warned !== total) throw new Error(`sweep warned ${last.warned}, ${total} were due`);
      const left = await due(db, organizationId, now);
      if (left.first_response.all + left.resolution.all)
        throw new Error(`sweep left ${JSON.stringify(left)}`);
      times.push(last.ms);
    }
    const stored = await warnings(db, organizationId);
    runner.child.send({ cmd: 'close' });

    // Floor: the same INSERT … SELECT statements of the warning rows, every due row at once, through pg.
    const floorTimes = [];
    for (let i = 0; i < FLOOR_RUNS; i++) {
      await reset(db, organizationId);
      const t = performance.now();
      let n = 0;
      await db.query('BEGIN');
      for (const [kind, k] of Object.entries(KINDS)) {
        const r = await db.query(
          `INSERT INTO request_risk_warning (request_id, kind, organization_id)
           SELECT id, '${kind}', organization_id FROM service_request WHERE ${k.cond}`,
          [now],
        );
        n += r.rowCount;
      }
      await db.query('COMMIT');
      floorTimes.push(performance.now() - t);
      if (n !== last.warned) throw new Error(`floor updated ${n}, the sweep warned ${last.warned}`);
    }
    // The whole answer set-based: flags, AT_RISK events and notifications, one statement per kind.
    const fullTimes = [];
    let fullStored;
    for (let i = 0; i < FLOOR_RUNS; i++) {
      await reset(db, organizationId);
      const t = performance.now();
      await db.query('BEGIN');
      for (const [kind, k] of Object.entries(KINDS))
        await db.query(
          `WITH u AS (
             SELECT ${RETURNING}, ${k.due} AS due_at FROM service_request WHERE ${k.cond}
           ), w AS (
             INSERT INTO request_risk_warning (request_id, kind, organization_id) SELECT id, $2, organization_id FROM u
           ), e AS (
             INSERT INTO request_event (organization_id, request_id, kind, internal, data)
             SELECT organization_id, id, 'AT_RISK', false, jsonb_build_object('commitment', $2::text, 'dueAt', due_at) FROM u
           ), n AS (
             INSERT INTO notification (organization_id, person_id, kind, title, body, link)
             SELECT DISTINCT ON (u.id, p) u.organization_id, p, 'REQUEST_AT_RISK', 'REQ-' || u.number || ' at risk',
                    $3 || ' due ' || to_char(u.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC: ' || u.subject,
                    '/requests/' || u.id
               FROM u JOIN support_service s ON s.id = u.support_service_id JOIN team t ON t.id = s.owner_team_id
               CROSS JOIN LATERAL unnest(ARRAY[u.assignee_id, t.manager_id, u.requester_id]) AS p
              WHERE p IS NOT NULL
           )
           SELECT count(*) FROM u`,
          [now, kind, k.label],
        );
      await db.query('COMMIT');
      fullTimes.push(performance.now() - t);
      fullStored = await warnings(db, organizationId);
    }
    if (fullStored.events !== stored.events || fullStored.notifications !== stored.notifications)
      console.error(
        `desk-sweep: set-based floor stored ${JSON.stringify(fullStored)}, the sweep ${JSON.stringify(stored)}`,
      );

    const floorMs = percentile(floorTimes, 50);
    report({
      scenario: 'desk-sweep',
      n: data.open,
      requests: data.requests,
      warned: last.warned,
      warned_first_response: expected.first_response.all,
      warned_resolution: expected.resolution.all,
      events: stored.events,
      notifications: stored.notifications,
      runs: RUNS,
      p50_ms: percentile(times, 50),
      p95_ms: percentile(times, 95),
      min_ms: Math.min(...times),
      app_build_ms: ready.ms,
      runner_peak_rss_mb: last.rssMb,
      floor: 'insert-warnings-sql-via-pg',
      floor_ms: floorMs,
      floor_ratio: percentile(times, 50) / floorMs,
      floor_full_ms: percentile(fullTimes, 50),
      ...(data.built ? { build_s: data.buildMs / 1000, seed_s: data.seedMs / 1000 } : {}),
      target_p95_ms: TARGET_MS,
      ok: percentile(times, 95) <= TARGET_MS,
    });
  } finally {
    if (runner && runner.child.exitCode === null) runner.child.kill('SIGTERM');
    if (organizationId) await reset(db, organizationId, { warned: true }).catch(() => undefined);
    await db.end();
    await server.stop();
  }
}
