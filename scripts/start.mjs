#!/usr/bin/env node
// `npm start`: builds the web app if it is missing or stale, then migrates, loads the demo
// county into an empty database and serves (see `dangjian serve`), under the supervisor that starts
// the server again if it dies (apps/server/bin/supervise.mjs; DJ_SUPERVISE=off to serve without it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web.mjs')], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('the web app failed to build; see above');
  process.exit(build.status ?? 1);
}
const bundle = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
if (bundle.status !== 0) console.error('the server bundle failed to build; starting from the TypeScript sources');
const server = spawnSync(
  process.execPath,
  [path.join(root, 'apps', 'server', 'bin', 'dangjian.mjs'), 'serve', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(server.status ?? 0);
