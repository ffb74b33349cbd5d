#!/usr/bin/env node
// `npm run test:at -- <instant> [jest args…]`: runs the suites with the clock of the whole process
// tree (Node, jest's workers, the embedded PostgreSQL, Chromium) set to start at <instant> and run
// on from there, with Debian's libfaketime. The suites must pass whatever the date: use this to
// check a change at a new year, a daylight-saving night, a leap day or a Sunday night.
//
//   npm run test:at -- 2027-03-28T00:30:00Z                       every suite (as `npm test --quick`)
//   npm run test:at -- 2028-02-29T12:00:00Z --selectProjects unit web api
//   npm run test:at -- 2027-06-06T23:30:00Z test/api/desk-queue.e2e-spec.ts
//
// Needs faketime (`apt-get install faketime`). The wall clock (Date, now() in SQL, the browser's
// Date) and the monotonic clocks move by one offset, the same in every process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { uptime } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [instant, ...rest] = process.argv.slice(2);
const at = instant ? new Date(instant) : null;
if (!at || Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(instant)) {
  console.error('usage: npm run test:at -- <ISO instant, e.g. 2027-03-28T00:30:00Z> [jest arguments]');
  process.exit(2);
}
const library = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
].find((p) => existsSync(p));
if (!library) {
  console.error('test:at needs libfaketime: apt-get install faketime');
  process.exit(2);
}
// One offset from the real clock for every process: an absolute start ("@…") would start each
// process's clock when it starts, and the database would lag the API by seconds.
const offset = Math.round((at.getTime() - Date.now()) / 1000);
console.log(`▶ every process's clock starts at ${at.toISOString()} (offset ${offset} s)`);
const env = {
  ...process.env,
  LD_PRELOAD: [library, process.env.LD_PRELOAD].filter(Boolean).join(':'),
  FAKETIME: `${offset >= 0 ? '+' : ''}${offset}`,
  // No shared-memory semaphore between the processes (one offset needs none): a process killed
  // while holding it (tests kill servers) would leave the others waiting for it.
  FAKETIME_DISABLE_SHM: '1',
  // Monotonic clocks move by the same offset (a constant: timers behave, and Chromium, which
  // compares them with the wall clock, loads pages at once), unless that would take them below zero.
  ...(offset < 0 && -offset > uptime() - 60 ? { FAKETIME_DONT_FAKE_MONOTONIC: '1' } : {}),
};
const r = spawnSync(process.execPath, [join(root, 'scripts/test.mjs'), '--quick', ...rest], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
