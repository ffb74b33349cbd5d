#!/usr/bin/env node
// Builds the API and/or the web only when their sources are newer than the last build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const newest = (dir) => {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

const only = process.argv[2]; // 'api' | 'web' | undefined (both)
const configs = ['package-lock.json', 'tsconfig.json'].map((f) => mtime(join(root, f)));
if (only !== 'web') {
  const src = Math.max(newest(join(root, 'apps/api/src')), newest(join(root, 'libs')), ...configs);
  if (mtime(join(root, 'dist/apps/api/src/main.js')) < src) {
    console.log('building the API...');
    run('npx nest build api');
  }
}
if (only !== 'api') {
  const src = Math.max(
    newest(join(root, 'apps/web/src')),
    mtime(join(root, 'apps/web/index.html')),
    mtime(join(root, 'apps/web/vite.config.ts')),
    ...configs,
  );
  if (
    existsSync(join(root, 'apps/web/vite.config.ts')) &&
    mtime(join(root, 'apps/web/dist/index.html')) < src
  ) {
    console.log('building the web app...');
    run('npx vite build --config apps/web/vite.config.ts --logLevel warn');
  }
}
