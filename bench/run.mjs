#!/usr/bin/env node
// `npm run bench` runs every scenario; `npm run bench -- <scenario>` runs one. Conventions:
// ../shared/design/BENCHMARKS.md (one BENCH line per scenario, ratio to a floor measured in the
// same run, results in bench/results/latest.json). A benchmark never fails the command on a target.
const SCENARIOS = {
  'people-list': () => import('./scenarios/people-list.mjs'),
  'cold-start': () => import('./scenarios/cold-start.mjs'),
  'survey-results': () => import('./scenarios/survey-results.mjs'),
  'survey-team': () => import('./scenarios/survey-team.mjs'),
  'survey-submit': () => import('./scenarios/survey-submit.mjs'),
  'desk-queue': () => import('./scenarios/desk-queue.mjs'),
  'desk-sweep': () => import('./scenarios/desk-sweep.mjs'),
  'desk-metrics': () => import('./scenarios/desk-metrics.mjs'),
  'mirror-org': () => import('./scenarios/mirror-org.mjs'),
  'mirror-import': () => import('./scenarios/mirror-import.mjs'),
  'payout-run': () => import('./scenarios/payout-run.mjs'),
  'payout-sim': () => import('./scenarios/payout-sim.mjs'),
  'dev-review': () => import('./scenarios/dev-review.mjs'),
  'dev-heatmaps': () => import('./scenarios/dev-heatmaps.mjs'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !SCENARIOS[w]);
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(SCENARIOS)) {
  const t = Date.now();
  try {
    await (await SCENARIOS[name]()).run();
  } catch (e) {
    console.error(`scenario ${name} could not run: ${e.stack ?? e}`);
    process.exitCode = 1;
  }
  console.error(`(${name}: ${((Date.now() - t) / 1000).toFixed(0)} s)`);
}
