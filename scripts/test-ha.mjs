#!/usr/bin/env node
// `npm run test:ha`: the server's high-availability tests (vitest project `ha`): a Patroni failover under write load
// and the app through pgbouncer in transaction mode. Skipped, not failed, on a machine without Patroni, etcd or
// haproxy (.ci/run installs them). Prints one closing line "N passed, N failed", as scripts/test.mjs does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

/** The HA tools this machine lacks (Debian's paths), empty when the `ha` project can run. */
export function missingHaTools() {
  const tools = {
    patroni: ['/usr/bin/patroni', '/usr/local/bin/patroni'],
    'etcd-server': ['/usr/bin/etcd', '/usr/local/bin/etcd'],
    haproxy: ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'],
  };
  return Object.entries(tools)
    .filter(([, paths]) => !paths.some((p) => fs.existsSync(p)))
    .map(([name]) => name);
}

/** Runs the `ha` project with a JSON report; answers the counts (null when there was no report). */
export function runHaProject(env) {
  const results = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-results-ha-'));
  const json = path.join(results, 'server-ha.json');
  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [vitest, 'run', '--project', 'ha', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  let counts = null;
  if (fs.existsSync(json)) {
    const j = JSON.parse(fs.readFileSync(json, 'utf8'));
    counts = {
      passed: j.numPassedTests,
      failed: j.numFailedTests + (j.numFailedTestSuites > 0 && j.numFailedTests === 0 ? j.numFailedTestSuites : 0),
      skipped: j.numPendingTests + (j.numTodoTests ?? 0),
    };
  }
  fs.rmSync(results, { recursive: true, force: true });
  return { ok: r.status === 0, counts };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const missing = missingHaTools();
  if (missing.length) {
    console.log(`HA tests skipped: ${missing.join(', ')} not installed (apt-get install ${missing.join(' ')})`);
    console.log('\n0 passed, 0 failed, HA skipped');
    process.exit(0);
  }
  const env = { ...process.env, DJ_TEST_PG: process.env.DJ_TEST_PG ?? 'required' };
  const { ok, counts } = runHaProject(env);
  const c = counts ?? { passed: 0, failed: 1, skipped: 0 };
  console.log(`\n${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  process.exit(ok && counts && c.failed === 0 ? 0 : 1);
}
