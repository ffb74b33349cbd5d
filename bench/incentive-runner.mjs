#!/usr/bin/env node
// A child process of the payout scenarios (forked, with an IPC channel) that runs the API's own
// built code against the benchmark cluster (DATABASE_URL, given by the parent): it builds the whole
// Nest application as the server does (createApp from dist/, not listening, JOBS=off), then answers:
//   {cmd: 'run', viewer, schemeId}      → IncentiveService.startRun → {ms, runId, total, lines, rssMb}
//   {cmd: 'simulate', viewer, schemeId} → IncentiveService.simulate → {ms, participants, total, rssMb}
//   {cmd: 'close'}                      → closes the application and exits.
// rssMb is the process's peak resident set (maxRSS) so far: the application plus the run.
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => require(join(ROOT, 'dist/apps/api/src', p));
require('reflect-metadata');

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const { loadConfig } = dist('platform/config/config.js');
const { createApp } = dist('server.js');
const { IncentiveService } = dist('modules/incentive/incentive.service.js');
const config = loadConfig({ ...process.env, JOBS: 'off' }, { persistSecret: false });
const app = await createApp(config, url);
const incentives = app.get(IncentiveService);
const rssMb = () => process.resourceUsage().maxRSS / 1024;
process.send({ ready: true, rssMb: rssMb() });
process.on('message', async (m) => {
  try {
    if (m.cmd === 'run') {
      const t = performance.now();
      const run = await incentives.startRun(m.viewer, m.schemeId);
      process.send({
        ms: performance.now() - t,
        runId: run.id,
        total: run.total,
        participants: run.participants,
        rssMb: rssMb(),
      });
    } else if (m.cmd === 'simulate') {
      const t = performance.now();
      const sim = await incentives.simulate(m.viewer, { schemeId: m.schemeId, whatIf: [] });
      process.send({
        ms: performance.now() - t,
        participants: sim.participants,
        total: sim.total,
        rssMb: rssMb(),
      });
    } else if (m.cmd === 'close') {
      await app.close();
      process.exit(0);
    }
  } catch (e) {
    process.send({ error: String(e?.stack ?? e) });
  }
});
