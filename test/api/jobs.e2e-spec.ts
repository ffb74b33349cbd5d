import PgBoss from 'pg-boss';
import { createTestApp, TEST_SECRET, type TestApp } from '../setup/test-app';
import { createTestDatabase } from '../setup/test-db';
import { spawnServer } from '../setup/server';
import { JobsService } from '../../apps/api/src/platform/jobs/jobs.service';
import { SESSION_PURGE } from '../../apps/api/src/modules/auth/session-purge.job';

const until = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('background jobs (pg-boss)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ jobsEnabled: true });
  });
  afterAll(() => t.close());

  it('purges expired and long-revoked sessions and stale throttling, and keeps live ones', async () => {
    const [{ id: accountId }] = await t.db.query(
      "SELECT id FROM user_account WHERE email = 'hr@meridian.example'",
    );
    const insert = (hash: string, expires: string, revoked: string | null) =>
      t.db.query(
        `INSERT INTO refresh_token (account_id, family_id, token_hash, expires_at, revoked_at)
         VALUES ($1, gen_random_uuid(), $2, now() + $3::interval, now() + $4::interval)`,
        [accountId, hash.padEnd(64, '0'), expires, revoked],
      );
    await insert('a', '-2 days', null); // expired long ago
    await insert('b', '10 days', '-2 days'); // revoked long ago
    await insert('c', '10 days', null); // live
    await insert('d', '10 days', '-1 minute'); // revoked just now: kept for reuse detection
    await t.db.query(
      "INSERT INTO login_throttle (email, failures, window_started_at) VALUES ('old@x.org', 3, now() - interval '3 days'), ('new@x.org', 3, now())",
    );
    await t.app.get(JobsService).send(SESSION_PURGE);
    await until(
      'the purge',
      async () => (await t.db.query("SELECT 1 FROM refresh_token WHERE token_hash LIKE 'a%'")).length === 0,
    );
    const left = (
      await t.db.query(
        "SELECT left(token_hash, 1) AS k FROM refresh_token WHERE token_hash ~ '^[abcd]0' ORDER BY 1",
      )
    ).map((r: { k: string }) => r.k);
    expect(left).toEqual(['c', 'd']);
    expect(
      (await t.db.query('SELECT email FROM login_throttle ORDER BY 1')).map(
        (r: { email: string }) => r.email,
      ),
    ).toEqual(['new@x.org']);
  });
});

describe('jobs with two instances on one database', () => {
  it('runs each job exactly once, on either instance', async () => {
    const db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, JWT_SECRET: TEST_SECRET, SEED: 'none', JOBS: 'on' };
    const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    const client = new PgBoss({
      connectionString: db.url,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      max: 2,
    });
    try {
      await client.start();
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push((await client.send(SESSION_PURGE, { i }))!);
      const rows = async () =>
        (
          await client
            .getDb()
            .executeSql('SELECT id, state, retry_count, output FROM pgboss.job WHERE id = ANY($1::uuid[])', [
              ids,
            ])
        ).rows as {
          state: string;
          retry_count: number;
          output: { pid: number };
        }[];
      await until(
        '20 completed jobs',
        async () => (await rows()).filter((r) => r.state === 'completed').length === 20,
        60_000,
      );
      const done = await rows();
      expect(done).toHaveLength(20);
      expect(done.every((r) => r.retry_count === 0)).toBe(true);
      const pids = new Set(done.map((r) => r.output.pid));
      expect([...pids].every((pid) => [a.child.pid, b.child.pid].includes(pid))).toBe(true);
    } finally {
      await client.stop({ graceful: false, wait: true }).catch(() => undefined);
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  }, 120_000);
});
