// Shared helpers of the benchmark scenarios: servers, autocannon with p95, the result line.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { TextEncoder } from 'node:util';
import { SignJWT } from 'jose';
import pg from 'pg';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { decodeHist } = require('autocannon/lib/histUtil');

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
export const CLI = join(ROOT, 'dist/apps/api/src/cli.js');
/** The benchmark cluster's DATA_DIR (one bench run at a time per directory; BENCH_DATA_DIR picks another). */
export const BENCH_DATA = process.env.BENCH_DATA_DIR
  ? resolve(process.env.BENCH_DATA_DIR)
  : join(ROOT, '.data', 'bench');

export async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs the CLI against the benchmark's own embedded cluster (reused between runs). */
export function cli(args, env = {}) {
  return execFileSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: BENCH_DATA, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
}

/** Starts the built server and resolves once /ready answers, with the time it took. */
export async function startServer(env = {}) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - t0;
  return {
    url,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The JWT secret the benchmarks give their server (JWT_SECRET), so that they can sign access
 * tokens for any person themselves instead of logging in once per person.
 */
export const BENCH_JWT_SECRET = 'symmetry-benchmarks-only-secret-never-used-in-production';

/** An access token as TokenService.signAccess makes it: HS256, issuer symmetry, sub/pid/org/roles. */
export async function accessToken(
  { accountId, personId, organizationId, roles },
  { secret = BENCH_JWT_SECRET, ttlSeconds = 3600 } = {},
) {
  return new SignJWT({ pid: personId, org: organizationId, roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(accountId)
    .setIssuer('symmetry')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** The connection URL of the benchmark's embedded cluster while a server started on BENCH_DATA runs it. */
export function benchDbUrl() {
  const port = Number(readFileSync(join(BENCH_DATA, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = readFileSync(join(BENCH_DATA, 'pg-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/symmetry`;
}

/**
 * A `pg` client on the benchmark's embedded cluster, while a server started on BENCH_DATA runs it
 * (its port is in postmaster.pid, its password in DATA_DIR/pg-password): for floors and data.
 */
export async function benchDb() {
  const port = Number(readFileSync(join(BENCH_DATA, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = readFileSync(join(BENCH_DATA, 'pg-password'), 'utf8').trim();
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'symmetry',
    application_name: 'symmetry-bench',
  });
  // A cluster that goes away mid-run (its server stopped) fails the scenario's next query instead
  // of crashing the whole run on an unhandled 'error' event.
  client.on('error', (e) => console.error(`bench database connection: ${e.message}`));
  await client.connect();
  return client;
}

/** `sql` run back to back on `clients` connections for `seconds`: p50/p95 (ms) and statements per second. */
export async function loadSql({ sql, params = [], clients = 10, seconds = 10 }) {
  const conns = await Promise.all(Array.from({ length: clients }, () => benchDb()));
  const times = [];
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  try {
    await Promise.all(
      conns.map(async (c) => {
        while (performance.now() < end) {
          const t = performance.now();
          await c.query(sql, params);
          times.push(performance.now() - t);
        }
      }),
    );
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: times.length / ((performance.now() - t0) / 1000),
    count: times.length,
  };
}

/** A GraphQL call that must succeed: its data, or an error naming the operation. */
export async function graphqlOk(url, query, variables, token) {
  const r = await graphql(url, query, variables, token);
  if (r.errors) throw new Error(`${query.slice(0, 60).replace(/\s+/g, ' ')}…: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export async function graphql(url, query, variables, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/** autocannon for `seconds`, returning p50/p95 (ms) and requests per second of 2xx answers. */
export async function load({ url, body, headers = {}, connections = 10, seconds = 10 }) {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    connections,
    duration: seconds,
    skipAggregateResult: true,
  });
  const h = decodeHist(result.latencies);
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    p50: h.getValueAtPercentile(50),
    p95: h.getValueAtPercentile(95),
    rps: result.totalCompletedRequests / result.duration,
    count: result.totalCompletedRequests,
    failed,
  };
}

const round = (v) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100);

/** Prints the one summary line of a scenario and records it in bench/results/latest.json. */
export function report(facts) {
  const line =
    'BENCH ' +
    Object.entries(facts)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`)
      .join(' ');
  console.log(line);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[facts.scenario] = {
    ...Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    at: new Date().toISOString(),
  };
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
}

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
