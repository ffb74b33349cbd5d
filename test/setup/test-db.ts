import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../apps/api/src/platform/database/database-url';

export const TEMPLATE_DB = 'symmetry_template';

function serverUrl(): string {
  const url = process.env.SYMMETRY_TEST_PG;
  if (!url)
    throw new Error('SYMMETRY_TEST_PG is not set: run through jest (its globalSetup starts PostgreSQL)');
  return url;
}

/** A fresh database for one test file, cloned from the migrated and seeded template. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl(), name),
    drop: async () => {
      const c = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
