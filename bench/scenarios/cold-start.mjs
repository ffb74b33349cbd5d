// cold-start: the built server until /ready, on an existing data directory (warm start) and on an
// empty one (first start: database creation, migrations and demo seed). Floor: a bare Node HTTP
// server process until it answers, measured in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, percentile, report, startServer } from '../lib.mjs';

const TARGET_WARM_MS = 10_000;
const TARGET_FIRST_MS = 30_000;

async function bareNode() {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [
    '-e',
    `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`,
  ]);
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t0;
  child.kill();
  return ms;
}

export async function run({ runs = 3 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'symmetry-cold-'));
  chmodSync(dir, 0o755);
  try {
    const first = await startServer({ DATA_DIR: dir, NODE_ENV: 'development' });
    await first.stop();
    const warm = [];
    for (let i = 0; i < runs; i++) {
      const s = await startServer({ DATA_DIR: dir, NODE_ENV: 'development' });
      warm.push(s.readyMs);
      await s.stop();
    }
    const floors = [];
    for (let i = 0; i < runs; i++) floors.push(await bareNode());
    const p95 = percentile(warm, 95);
    report({
      scenario: 'cold-start',
      n: 303,
      p50_ms: percentile(warm, 50),
      p95_ms: p95,
      first_start_ms: first.readyMs,
      floor: 'bare-node-http-listen',
      floor_p50_ms: percentile(floors, 50),
      floor_ratio: percentile(warm, 50) / percentile(floors, 50),
      target_p95_ms: TARGET_WARM_MS,
      target_first_ms: TARGET_FIRST_MS,
      ok: p95 <= TARGET_WARM_MS && first.readyMs <= TARGET_FIRST_MS,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
