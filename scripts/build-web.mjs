#!/usr/bin/env node
// Builds the web app when apps/web/dist is missing or older than its sources (or with --force).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps', 'web');
const dist = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Whether the built app is missing or older than any source of the web app or the contracts. */
export function webIsStale() {
  if (!fs.existsSync(dist)) return true;
  const built = fs.statSync(dist).mtimeMs;
  return Math.max(newest(web), newest(path.join(root, 'packages', 'contracts', 'src'))) > built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(path.join(web, 'vite.config.ts'))) process.exit(0);
  if (process.argv.includes('--force') || webIsStale()) {
    console.log('building the web app …');
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: web, stdio: 'inherit' },
    );
    process.exit(r.status ?? 1);
  }
}
