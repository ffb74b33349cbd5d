#!/usr/bin/env node
// `npm test`: static checks (format, lint, types), a build of what changed, then every jest
// project (unit, api on a real PostgreSQL, browser in a real Chromium). Exit code is non-zero
// if anything fails. `--quick` skips the static checks; `--any-date` (on in CI) runs the unit, web
// and API projects once more at another date (see below).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const jestArgs = process.argv.slice(2).filter((a) => a !== '--quick' && a !== '--any-date');
const step = (name, cmd, args) => {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const s = ((Date.now() - t) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${name} failed after ${s} s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${s} s)`);
};
const npx = (bin) => join(root, 'node_modules', '.bin', bin);

if (!quick) {
  step('format (prettier --check)', npx('prettier'), ['--check', '.', '--log-level', 'warn']);
  step('lint (eslint)', npx('eslint'), ['.', '--max-warnings', '0']);
  step('types (tsc, every project)', 'npm', ['run', '--silent', 'typecheck']);
}
step('build (api, web)', process.execPath, [join(root, 'scripts/build-if-needed.mjs')]);
mkdirSync(join(root, 'test-results'), { recursive: true });
const summary = join(root, 'test-results', 'jest.json');
const t = Date.now();
console.log('\n▶ tests (jest: unit, web, api, browser)');
const r = spawnSync(
  npx('jest'),
  ['--ci', '--maxWorkers=2', '--json', `--outputFile=${summary}`, ...jestArgs],
  { cwd: root, stdio: 'inherit' },
);
const counts = { passed: 0, failed: 0, skipped: 0 };
const count = () => {
  if (!existsSync(summary)) return;
  const j = JSON.parse(readFileSync(summary, 'utf8'));
  counts.passed += j.numPassedTests;
  counts.failed += j.numFailedTests;
  counts.skipped += j.numPendingTests + j.numTodoTests;
};
count();
let status = r.status ?? 1;
console.log(`${status === 0 ? '✔' : '✖'} tests (${((Date.now() - t) / 1000).toFixed(1)} s)`);

// In CI (or with --any-date), the unit, web and API projects run once more with every process's
// clock moved to one of the instants where a calendar bites (scripts/test-at.mjs, libfaketime):
// the suites must pass whatever the date. The instant changes with the day, so main meets each in
// turn; the line below says how to run the same again.
const ANY_DATE_INSTANTS = [
  '2027-03-28T00:30:00Z', // the night Paris moves to summer time
  '2028-02-29T12:00:00Z', // a leap day
  '2027-06-06T23:30:00Z', // a Sunday night (already Monday in Paris)
  '2027-01-01T10:00:00Z', // New Year's Day, a holiday
  '2027-10-31T00:30:00Z', // back to winter time
  '2026-12-31T23:30:00Z', // New Year's Eve in UTC, New Year's Day in Paris
  '2028-02-29T23:30:00Z', // the end of a leap February (1 March in Paris)
];
const anyDate = process.argv.includes('--any-date') || (process.env.CI === 'true' && !jestArgs.length);
if (anyDate && !process.env.FAKETIME && status === 0) {
  const day = Math.floor(Date.now() / 86_400_000);
  const instant = ANY_DATE_INSTANTS[day % ANY_DATE_INSTANTS.length];
  console.log(
    `\n▶ tests at another date: ${instant} (again: npm run test:at -- ${instant} --selectProjects unit web api)`,
  );
  const again = spawnSync(
    process.execPath,
    [
      join(root, 'scripts/test-at.mjs'),
      instant,
      '--selectProjects',
      'unit',
      'web',
      'api',
      // Under libfaketime, two API instances started at once sometimes stall in pg-boss's start
      // (about 1 run in 10, never without it): those two specs run at the real date above.
      '--testPathIgnorePatterns',
      'test/api/(jobs|lifecycle)\\.e2e-spec\\.ts',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  count();
  status = again.status ?? 1;
}
// The plain closing line CI reads: N passed, N failed, N skipped (every run above).
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(status);
