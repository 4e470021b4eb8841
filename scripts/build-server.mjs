#!/usr/bin/env node
// Bundles the server's TypeScript (with the shared contracts) into apps/server/dist/main.mjs, and its worker threads
// beside it (the import reader's dist/sheet-worker.mjs, the province demo's stages dist/demo-stage.mjs), so a start
// skips compiling TypeScript at run time. npm packages stay external. The CLI falls back to the sources through tsx
// whenever this bundle is missing or older than them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, 'apps', 'server');
const pkg = JSON.parse(fs.readFileSync(path.join(server, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@dangjian/'));

await build({
  entryPoints: {
    main: path.join(server, 'src', 'main.ts'),
    'sheet-worker': path.join(server, 'src', 'platform', 'sheet-worker.ts'),
    'demo-stage': path.join(server, 'src', 'demo', 'stageWorker.ts'),
  },
  outdir: path.join(server, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external: [...external, 'pg-native'],
  logLevel: 'warning',
  banner: {
    js:
      "import { createRequire as __djCreateRequire } from 'node:module'; const require =" +
      ' __djCreateRequire(import.meta.url);',
  },
});
console.log('server bundle written to apps/server/dist/main.mjs (and sheet-worker.mjs, demo-stage.mjs)');
