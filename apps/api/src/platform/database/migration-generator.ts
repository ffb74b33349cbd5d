import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from './data-source';
import { withDatabase } from './database-url';
import { repoRoot } from '../config/config';

/**
 * Generates a migration from the difference between the entities and the schema the committed
 * migrations produce, using a scratch database on the same server. Writes
 * apps/api/src/migrations/<timestamp>-<name>.ts and registers it in migrations/index.ts.
 */
export async function generateMigration(serverUrl: string, name: string): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Migration name must be PascalCase, e.g. AddSurveys');
  const scratch = `symmetry_gen_${Date.now()}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const ds = createDataSource(withDatabase(serverUrl, scratch));
  try {
    await ds.initialize();
    await ds.runMigrations();
    const log = await ds.driver.createSchemaBuilder().log();
    // Constraints written by hand in migrations (fk_*, ck_*) are not declared on entities: keep them.
    const handWritten = /(DROP|ADD) CONSTRAINT "(fk|ck)_/;
    const sql = {
      upQueries: log.upQueries.filter((q) => !handWritten.test(q.query)),
      downQueries: log.downQueries.filter((q) => !handWritten.test(q.query)),
    };
    if (!sql.upQueries.length) return null;
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const q = (s: string) =>
      '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => `    await queryRunner.query(${q(u.query)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((d) => `    await queryRunner.query(${q(d.query)});`)
  .join('\n')}
  }
}
`;
    const dir = join(repoRoot(), 'apps/api/src/migrations');
    const file = `${ts}-${name}`;
    writeFileSync(join(dir, `${file}.ts`), body);
    const indexFile = join(dir, 'index.ts');
    let index = readFileSync(indexFile, 'utf8');
    index = index.replace(/^(import type .*\n)/m, `$1import { ${cls} } from './${file}';\n`);
    index = index.replace(/= \[(.*)\];/s, (_m, list: string) => {
      const items = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return `= [${[...items, cls].join(', ')}];`;
    });
    writeFileSync(indexFile, index);
    return file;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}
