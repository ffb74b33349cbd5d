import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { createDataSource } from './data-source';
import { ensureDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE = 'symmetry';
const MIGRATION_LOCK = 727_001;

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** DATABASE_URL when given; otherwise a real PostgreSQL started under DATA_DIR. */
export async function openDatabase(config: AppConfig, log: (msg: string) => void): Promise<Database> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    onLog: (line) => {
      if (/FATAL|PANIC|ERROR/.test(line)) log(`postgres: ${line}`);
    },
  });
  const url = pg.url(EMBEDDED_DATABASE);
  await ensureDatabase(url);
  return { url, embedded: true, stop: pg.stop };
}

/**
 * Runs `work` while holding a cluster-wide advisory lock, so that several instances starting
 * together migrate (and seed) one after the other, never at once.
 */
export async function withStartupLock<T>(url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = createDataSource(url, { extra: { max: 4, application_name: 'symmetry-startup' } } as never);
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await work(ds);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
