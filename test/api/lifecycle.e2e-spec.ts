import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MAIN, spawnServer } from '../setup/server';
import { createTestDatabase } from '../setup/test-db';
import { TEST_SECRET } from '../setup/test-app';

const run = promisify(execFile);
const gql = async (url: string, query: string, variables?: object): Promise<any> =>
  (
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  ).json();

describe('process lifecycle', () => {
  it('refuses a bad configuration with one clear line per variable', async () => {
    const err = await run(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: 'eighty',
        NODE_ENV: 'staging',
        SEED: 'lots',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short',
      },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    const lines = (err as { stderr: string }).stderr.split('\n').filter((l) => l.trim().startsWith('- '));
    expect(lines.map((l) => l.trim().split(/[=:]/)[0].slice(2))).toEqual([
      'PORT',
      'NODE_ENV',
      'SEED',
      'DATABASE_URL',
      'JWT_SECRET',
    ]);
  });

  it('embedded mode: first start creates and seeds the database; SIGTERM finishes in-flight work; a second start works', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'symmetry-life-'));
    chmodSync(dataDir, 0o755);
    try {
      const first = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }, 90_000);
      expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(true);
      expect(first.output()).toMatch(/hr@meridian\.example/);
      // A sign-in (argon2, ~tens of ms) is in flight when SIGTERM arrives: it still completes.
      const inflight = gql(
        first.url,
        'mutation { login(email: "hr@meridian.example", password: "symmetry-demo") { person { displayName } } }',
      );
      await new Promise((r) => setTimeout(r, 5));
      const code = first.stop();
      expect((await inflight).data.login.person.displayName).toBe('Hélène Moreau');
      expect(await code).toBe(0);
      expect(first.output()).toMatch(/stopped cleanly/);
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

      const second = await spawnServer({ DATA_DIR: dataDir }, 60_000);
      const r = await gql(
        second.url,
        'mutation { login(email: "employee@meridian.example", password: "symmetry-demo") { person { displayName } } }',
      );
      expect(r.data.login.person.displayName).toBe('Camille Durand');
      expect(second.output()).not.toMatch(/database system was not properly shut down/);
      expect(await second.stop()).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('two instances on one database behave as one (migrations once, one lock-out count)', async () => {
    const db = await createTestDatabase();
    try {
      const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_SECRET, SEED: 'demo' };
      const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
      try {
        const attempt = (url: string) =>
          gql(url, 'mutation { login(email: "agent@meridian.example", password: "nope") { accessToken } }');
        const codes: string[] = [];
        for (const url of [a.url, b.url, a.url, b.url, a.url, b.url])
          codes.push((await attempt(url)).errors[0].extensions.code);
        expect(codes).toEqual([
          'UNAUTHENTICATED',
          'UNAUTHENTICATED',
          'UNAUTHENTICATED',
          'UNAUTHENTICATED',
          'TOO_MANY_REQUESTS',
          'TOO_MANY_REQUESTS',
        ]);
        // A session opened on one instance is refreshed by the other.
        const login = await fetch(`${a.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query:
              'mutation { login(email: "hr@meridian.example", password: "symmetry-demo") { accessToken } }',
          }),
        });
        const cookie = login.headers.get('set-cookie')!.split(';')[0];
        const refreshed = await fetch(`${b.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: 'mutation { refreshSession { person { email } } }' }),
        });
        expect(((await refreshed.json()) as any).data.refreshSession.person.email).toBe(
          'hr@meridian.example',
        );
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      await db.drop();
    }
  }, 120_000);
});
