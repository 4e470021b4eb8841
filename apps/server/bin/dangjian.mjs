#!/usr/bin/env node
// The command line. Runs the bundle built by `npm start` (apps/server/dist/main.mjs) when it is newer
// than every source file; otherwise loads the TypeScript sources through tsx, so a fresh checkout works.
// `serve` runs under a small supervisor (bin/supervise.mjs) that restarts the server if it dies,
// unless DJ_SUPERVISE=off (e.g. under systemd, see deploy/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(serverDir, 'dist', 'main.mjs');

function newestSource(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function bundleIsFresh() {
  if (
    process.env.DJ_FROM_SOURCE === '1' ||
    !fs.existsSync(bundle) ||
    !fs.existsSync(path.join(serverDir, 'dist', 'sheet-worker.mjs')) ||
    !fs.existsSync(path.join(serverDir, 'dist', 'demo-stage.mjs'))
  )
    return false;
  const built = fs.statSync(bundle).mtimeMs;
  return (
    newestSource(path.join(serverDir, 'src')) < built &&
    newestSource(path.join(serverDir, '..', '..', 'packages', 'contracts', 'src')) < built
  );
}

const args = process.argv.slice(2);
const supervised =
  args[0] === 'serve' &&
  process.env.DJ_SUPERVISED !== '1' &&
  // A worker of `serve --workers N` (node:cluster marks it) is watched by its primary.
  !process.env.NODE_UNIQUE_ID &&
  !['off', '0', 'false', 'no'].includes((process.env.DJ_SUPERVISE ?? '').toLowerCase());

let runCli;
if (supervised) {
  const { supervise } = await import('./supervise.mjs');
  supervise(fileURLToPath(import.meta.url), args);
} else if (bundleIsFresh()) {
  ({ runCli } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/main.ts'));
}
if (runCli) await runCli(args);
