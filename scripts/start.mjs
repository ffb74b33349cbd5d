#!/usr/bin/env node
// `npm start`: build what changed, then run the server (API + web on one port). Signals are
// passed to the server, which shuts down gracefully and stops the embedded database.
import { spawn, execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { stdio: 'inherit', cwd: root });
const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
  stdio: 'inherit',
  cwd: root,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
