#!/usr/bin/env node
// `npm run dev`: the API rebuilt and restarted on change (Nest CLI watch), and the web app with
// hot reload on http://localhost:5173 (Vite proxies /graphql to the API on port 3000).
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (b) => join(root, 'node_modules', '.bin', b);
const children = [
  spawn(bin('nest'), ['start', 'api', '--watch', '--preserveWatchOutput'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'development' },
  }),
  spawn(bin('vite'), ['--config', 'apps/web/vite.config.ts'], { cwd: root, stdio: 'inherit' }),
];
const stop = (sig) => children.forEach((c) => c.exitCode === null && c.kill(sig));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig));
for (const c of children)
  c.on('exit', (code) => {
    stop('SIGTERM');
    process.exitCode = code ?? 0;
  });
