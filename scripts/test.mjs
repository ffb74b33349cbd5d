#!/usr/bin/env node
// `npm test`: static checks (format, lint, types), a build of what changed, then every jest
// project (unit, api on a real PostgreSQL, browser in a real Chromium). Exit code is non-zero
// if anything fails. `--quick` skips the static checks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const jestArgs = process.argv.slice(2).filter((a) => a !== '--quick');
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
if (existsSync(summary)) {
  const j = JSON.parse(readFileSync(summary, 'utf8'));
  // The plain closing line CI reads: N passed, N failed, N skipped.
  console.log(
    `\ntests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests + j.numTodoTests} skipped`,
  );
}
console.log(`${r.status === 0 ? '✔' : '✖'} tests (${((Date.now() - t) / 1000).toFixed(1)} s)`);
process.exit(r.status ?? 1);
