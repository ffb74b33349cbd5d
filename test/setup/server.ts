import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from '../../apps/api/src/platform/database/embedded-postgres';
import { createTestDatabase } from './test-db';
import { TEST_SECRET } from './test-app';

const ROOT = resolve(__dirname, '../..');
export const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Starts the built server (`node dist/.../main.js`) with `env`, and waits until /ready answers. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const port = Number(env.PORT ?? (await freePort()));
  let out = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_SERVER_LOG_LEVEL ?? 'warn',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * The built API (serving apps/web/dist) on a fresh database cloned from the seeded template.
 * `seed: 'none'` empties the organisation data first.
 */
export async function startServer(
  opts: { seed?: 'demo' | 'none' } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const db = await createTestDatabase();
  if (opts.seed === 'none') {
    const { Client } = await import('pg');
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query(
      'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change; TRUNCATE organization CASCADE; ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change;',
    );
    await c.end();
  }
  const server = await spawnServer({ DATABASE_URL: db.url, JWT_SECRET: TEST_SECRET, SEED: 'none' });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}
