import 'reflect-metadata';
import { Client } from 'pg';
import { ConfigError, loadConfig } from './platform/config/config';
import { openDatabase, migrate, withStartupLock } from './platform/database/bootstrap';
import { withDatabase } from './platform/database/database-url';
import { generateMigration } from './platform/database/migration-generator';
import { seed } from './seed/seed.service';

const USAGE = `usage: node dist/apps/api/src/cli.js <command>
  migrate                 apply pending migrations
  revert                  undo the last migration
  reset                   drop every table, migrate, seed the demo (unless SEED=none)
  seed [--people N]       seed the demo organisation, or one of N people (bench<N>.example)
  generate <Name>         write a migration from the entities' difference (development)
  schema                  write apps/api/schema.gql from the code-first resolvers`;

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd || cmd === '--help') {
    console.log(USAGE);
    return;
  }
  if (cmd === 'schema') {
    const { writeSchema } = await import('./platform/graphql/print-schema');
    console.log(`wrote ${await writeSchema()}`);
    return;
  }
  const config = loadConfig();
  const db = await openDatabase(config, (m) => console.error(m));
  try {
    switch (cmd) {
      case 'migrate':
        await withStartupLock(db.url, async (ds) =>
          console.log((await migrate(ds)).join('\n') || 'nothing to migrate'),
        );
        break;
      case 'revert':
        await withStartupLock(db.url, async (ds) => {
          await ds.undoLastMigration({ transaction: 'each' });
          console.log('reverted the last migration');
        });
        break;
      case 'reset': {
        const c = new Client({ connectionString: db.url });
        await c.connect();
        await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        await c.end();
        await withStartupLock(db.url, async (ds) => {
          await migrate(ds);
          if (config.seed === 'demo') await seed(ds);
        });
        console.log('database reset');
        break;
      }
      case 'seed': {
        const i = args.indexOf('--people');
        const people = i >= 0 ? Number(args[i + 1]) : undefined;
        if (people !== undefined && (!Number.isInteger(people) || people < 60 || people > 200_000)) {
          throw new Error('--people must be an integer from 60 to 200000');
        }
        const t = Date.now();
        await withStartupLock(db.url, async (ds) => {
          await migrate(ds);
          const r = await seed(ds, { people });
          console.log(
            r.created
              ? `seeded ${r.people} people (${r.domain}) in ${((Date.now() - t) / 1000).toFixed(1)} s`
              : `organisation ${r.domain} already present (${r.people} people)`,
          );
        });
        break;
      }
      case 'generate': {
        if (!args[0]) throw new Error('generate needs a PascalCase name');
        const file = await generateMigration(withDatabase(db.url, 'postgres'), args[0]);
        console.log(
          file
            ? `wrote apps/api/src/migrations/${file}.ts`
            : 'entities and migrations agree: nothing to generate',
        );
        break;
      }
      default:
        console.error(USAGE);
        process.exitCode = 2;
    }
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e instanceof Error ? e.message : e);
  process.exit(1);
});
