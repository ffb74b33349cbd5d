#!/usr/bin/env node
// A child process of the desk scenarios that runs the API's own built code (dist/) against the
// benchmark cluster (DATABASE_URL, given by the parent):
//
//   node bench/desk-runner.mjs seed <organizationId> <count> <openShare>
//     seedDesk() from dist/apps/api/src/seed/seed-desk.js on a TypeORM DataSource made by the
//     built createDataSource(): the catalogue and `count` requests, `openShare` of them open.
//     Prints one JSON line {requests, open, ms}.
//
//   node bench/desk-runner.mjs app            (forked, with an IPC channel)
//     Builds the whole Nest application as the server does (createApp from dist/…/server.js, not
//     listening, JOBS=off so that pg-boss never runs a sweep of its own), then answers messages:
//     {cmd: 'sweep', now} → app.get(DeskService).sweep(new Date(now)) → {ms, warned, rssMb};
//     {cmd: 'close'} → closes the application and exits.
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => require(join(ROOT, 'dist/apps/api/src', p));
require('reflect-metadata');

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const [cmd, ...args] = process.argv.slice(2);

if (cmd === 'seed') {
  const [organizationId, count, openShare] = args;
  const { createDataSource } = dist('platform/database/data-source.js');
  const { seedDesk } = dist('seed/seed-desk.js');
  const ds = createDataSource(url, { extra: { max: 2, application_name: 'symmetry-bench-seed' } });
  await ds.initialize();
  try {
    const t = performance.now();
    const r = await seedDesk(ds, organizationId, {
      count: Number(count),
      openShare: Number(openShare),
      now: new Date(),
    });
    console.log(JSON.stringify({ ...r, ms: performance.now() - t }));
  } finally {
    await ds.destroy();
  }
} else if (cmd === 'app') {
  const { loadConfig } = dist('platform/config/config.js');
  const { createApp } = dist('server.js');
  const { DeskService } = dist('modules/desk/desk.service.js');
  const config = loadConfig({ ...process.env, JOBS: 'off' }, { persistSecret: false });
  const t = performance.now();
  const app = await createApp(config, url);
  const desk = app.get(DeskService);
  process.send({ ready: true, ms: performance.now() - t });
  process.on('message', async (m) => {
    try {
      if (m.cmd === 'sweep') {
        const t0 = performance.now();
        const r = await desk.sweep(new Date(m.now));
        process.send({
          ms: performance.now() - t0,
          warned: r.warned,
          rssMb: process.resourceUsage().maxRSS / 1024,
        });
      } else if (m.cmd === 'close') {
        await app.close();
        process.exit(0);
      }
    } catch (e) {
      process.send({ error: String(e?.stack ?? e) });
    }
  });
} else {
  console.error('usage: desk-runner.mjs seed <organizationId> <count> <openShare> | app');
  process.exit(2);
}
