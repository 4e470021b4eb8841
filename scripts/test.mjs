#!/usr/bin/env node
// `npm test`: the server's unit and API tests on SQLite and PostgreSQL, its high-availability tests, then the web app's
// build and its browser tests in Chromium. Prints one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingHaTools, runHaProject } from './test-ha.mjs';

const root = path.resolve(import.meta.dirname, '..');
const results = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-results-'));
const env = { ...process.env, DJ_TEST_PG: process.env.DJ_TEST_PG ?? 'required' };
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
// The names of the failed tests, printed again beside the closing line: a CI log keeps only its tail.
const failures = [];

function run(label, cmd, args) {
  console.log(`\n== ${label} ==`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

function count(file) {
  if (!fs.existsSync(file)) {
    ok = false;
    return;
  }
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  if (j.numFailedTestSuites > 0 && j.numFailedTests === 0) failed += j.numFailedTestSuites;
  for (const file of j.testResults ?? []) {
    const name = path.relative(root, file.name);
    const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of tests) failures.push(`${name} > ${t.fullName}`);
    if (!tests.length && file.status === 'failed') failures.push(`${name}: ${(file.message ?? '').split('\n')[0]}`);
  }
}

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const biome = path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
// The habits first: the formatter's and the linter's verdict (Kysely only in repositories …), then the layout.
if (!run('habits: formatter and linter (Biome)', process.execPath, [biome, 'check', '.'])) {
  failed++;
  failures.push('habits: Biome');
}
const layout = path.join(root, 'scripts', 'check-layout.mjs');
if (!run('habits: lines ≤ 120 characters, files ≤ 400 lines', process.execPath, [layout])) {
  failed++;
  failures.push('habits: layout');
}
// The fast project answers in a few minutes; the slow one starts whole processes (CLI, crash, supervisor).
for (const project of ['fast', 'slow']) {
  const json = path.join(results, `server-${project}.json`);
  const args = [
    vitest,
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ];
  run(`server: ${project} unit and API tests (SQLite + PostgreSQL)`, process.execPath, args);
  count(json);
}
// High availability (`npm run test:ha`): a Patroni failover under load and pgbouncer; only where they are installed.
const haMissing = missingHaTools();
console.log('\n== server: high availability (Patroni failover, pgbouncer) ==');
if (haMissing.length) console.log(`skipped: ${haMissing.join(', ')} not installed (.ci/run installs them)`);
else {
  const ha = runHaProject(env);
  if (!ha.ok) ok = false;
  if (ha.counts) {
    passed += ha.counts.passed;
    failed += ha.counts.failed;
    if (ha.counts.failed) failures.push('server: high availability (its report is above)');
    skipped += ha.counts.skipped;
  } else ok = false;
}

if (fs.existsSync(path.join(root, 'e2e', 'vitest.config.ts'))) {
  if (run('web: build', process.execPath, [path.join(root, 'scripts', 'build-web.mjs'), '--force'])) {
    const e2eJson = path.join(results, 'e2e.json');
    run('web: browser tests (Chromium)', process.execPath, [
      vitest,
      'run',
      '--config',
      'e2e/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${e2eJson}`,
    ]);
    count(e2eJson);
  } else {
    failed++;
    failures.push('web: build');
  }
}

fs.rmSync(results, { recursive: true, force: true });
if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
