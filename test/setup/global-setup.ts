import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../apps/api/src/platform/database/embedded-postgres';
import { withDatabase } from '../../apps/api/src/platform/database/database-url';
import { TEMPLATE_DB } from './test-db';

const ROOT = resolve(__dirname, '../..');

/**
 * Once per `jest` run: a real PostgreSQL (embedded, in a temporary directory, or the server of
 * TEST_DATABASE_URL), and a template database migrated and seeded with the demo organisation by
 * the built CLI (the production code path). Each test file clones the template
 * (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
 */
export default async function globalSetup() {
  if (process.env.SYMMETRY_TEST_PG) return; // already set up by another project of this run
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-needed.mjs'), 'api'], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  let serverUrl = process.env.TEST_DATABASE_URL ?? null;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'symmetry-test-'));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({ dataDir: dir });
    serverUrl = pg.url('postgres');
    (globalThis as Record<string, unknown>).__symmetryTestPg = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  execFileSync(process.execPath, [join(ROOT, 'dist/apps/api/src/cli.js'), 'seed'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(serverUrl, TEMPLATE_DB),
      JWT_SECRET: 'x'.repeat(40),
      LOG_LEVEL: 'warn',
    },
  });
  process.env.SYMMETRY_TEST_PG = serverUrl;
}
