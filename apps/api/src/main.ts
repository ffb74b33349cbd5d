import 'reflect-metadata';
import { ConfigError, loadConfig } from './platform/config/config';
import { openDatabase, migrate, withStartupLock } from './platform/database/bootstrap';
import { createApp, drainHttp } from './server';
import { createLogger } from './platform/logging/logger';
import { isEmpty, seed } from './seed/seed.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/seed.generator';

/**
 * `npm start`: configuration, database (embedded unless DATABASE_URL), migrations, demo seed on
 * an empty database, then API + web on one port. SIGTERM/SIGINT: stop accepting, finish in-flight
 * requests, close the pool, then stop the embedded database.
 */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel === 'silent' ? 'silent' : 'info');
  const started = Date.now();
  const db = await openDatabase(config, (m) => log.warn(m));
  let seeded = false;
  await withStartupLock(db.url, async (ds) => {
    const applied = await migrate(ds);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    if (config.seed === 'demo' && (await isEmpty(ds))) {
      const r = await seed(ds);
      seeded = r.created;
      log.info({ people: r.people }, 'demo organisation seeded');
    }
  });
  const app = await createApp(config, db.url);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      log.warn('second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long, exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    try {
      // Order matters: first stop accepting and let in-flight requests finish...
      await drainHttp(app);
      // ...then stop the jobs (running ones finish) and close the pool...
      await app.close();
      // ...and last, PostgreSQL itself (clean shutdown: the next start needs no recovery).
      await db.stop();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  log.info({ url, ms: Date.now() - started, embeddedDatabase: db.embedded }, 'Symmetry is ready');
  if (config.logLevel !== 'silent') {
    const lines = [
      '',
      `  Symmetry is running at ${url}${config.webDistDir ? '' : '  (web not built: run npm run build:web)'}`,
      `  GraphQL: ${url}/graphql   health: ${url}/health   ready: ${url}/ready`,
      ...(config.seed === 'demo'
        ? [
            '',
            `  Demo logins (password: ${DEMO_PASSWORD})${seeded ? ', demo organisation created on this start' : ''}:`,
            ...DEMO_ACCOUNTS.map((a) => `    ${a.local.padEnd(9)} ${a.local}@meridian.example`),
          ]
        : []),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
