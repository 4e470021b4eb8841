// A/B comparison of the server against an older revision: `npm run bench:compare [-- --base REV] [--quick]`.
// Builds REV (default 671fabc, the code before issue 9) in a temporary git worktree, seeds ONE demo county with
// REV's own CLI, copies it (the current server migrates its copy forward on start), serves both on 127.0.0.1
// and drives the same requests at both in alternating rounds (A B, B A, …) so that other work on the machine
// falls on both. Writes bench/results/compare.json (p50/p95/rps/server CPU per request, ratio current/base).
// Options: --base REV, --quick (≈2 min), --rounds N, --seconds S (per run), --connections C, --scale X,
// --only KEY,KEY (a subset of the endpoints).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  HOST,
  REPO,
  apiClient,
  freePort,
  killAllChildren,
  median,
  percentile,
  procCpuMs,
  round,
  runNode,
  spawnServer,
  stopServer,
  waitHealthy,
  withTimeout,
} from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? fallback : argv[i + 1];
};
const quick = argv.includes('--quick');
const BASE = opt('base', '671fabc');
const ROUNDS = Number(opt('rounds', quick ? 3 : 6));
const SECONDS = Number(opt('seconds', quick ? 2 : 4));
const CONNECTIONS = Number(opt('connections', 8));
const SCALE = opt('scale', quick ? '0.02' : '0.05');
const WATCHDOG_MS = (quick ? 4 : 10) * 60_000;
const PASSWORD = 'Dangjian@2026';
const RESULTS = path.join(REPO, 'bench/results');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-compare-'));
// The base checkout (node_modules hard-linked: the temporary directory must share the repo's file system).
const baseTree = path.join(tmp, 'base');
const started = Date.now();
const log = (l) => console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${l}`);

function cleanup() {
  killAllChildren();
  try {
    execFileSync('git', ['worktree', 'remove', '--force', baseTree], { cwd: REPO, stdio: 'ignore' });
  } catch {
    fs.rmSync(baseTree, { recursive: true, force: true });
  }
  if (!process.env.BENCH_KEEP_DATA) fs.rmSync(tmp, { recursive: true, force: true });
}
const watchdog = setTimeout(() => {
  console.error(`bench:compare stopped after ${WATCHDOG_MS / 60_000} min`);
  cleanup();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, () => {
    cleanup();
    process.exit(130);
  });

async function start(name, tree, dataDir) {
  const port = await freePort();
  const t0 = performance.now();
  // No background jobs: both servers answer the same requests and nothing else.
  const logFile = path.join(tmp, `${name}.log`);
  const child = spawnServer({ dataDir, port, logFile, tree, env: { DJ_JOBS: 'false' } });
  const ms = await waitHealthy(port, child, { since: t0, timeoutMs: 120_000 });
  const api = apiClient(port);
  await api.login('demo-county', PASSWORD);
  log(`${name} server up on ${port} in ${Math.round(ms)} ms`);
  return { name, tree, port, child, api, cookie: api.cookieHeader() };
}

/** The township with the most members (as bench/server.mjs and bench/service.mjs pick it). */
async function township(api) {
  const [root] = (await api.getJson('/api/orgs/tree')).items;
  const level1 = (await api.getJson(`/api/orgs/tree?parent=${root.id}`)).items;
  const t = level1.filter((o) => /[镇乡]党委$/.test(o.name)).sort((a, b) => b.memberCount - a.memberCount)[0];
  return t ?? level1[0];
}

/** One autocannon run against one server; raw latencies and the server's CPU time over the run. */
async function run(side, paths, seconds, collect = true) {
  const latencies = [];
  const statuses = {};
  const cpu0 = procCpuMs(side.child.pid);
  const instance = autocannon({
    url: `http://${HOST}:${side.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie: side.cookie, accept: 'application/json' },
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  instance.on('response', (_c, status, _b, ms) => {
    if (!collect) return;
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const r = await withTimeout(instance, (seconds + 20) * 1000, `load on ${side.name}`);
  const cpuMs = procCpuMs(side.child.pid) - cpu0;
  const secs = (Date.parse(r.finish) - Date.parse(r.start)) / 1000 || seconds;
  return { latencies, statuses, seconds: secs, cpuMs, bytes: r.throughput.total, errors: r.errors + r.timeouts };
}

function summarize(runs) {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((a, r) => a + r.seconds, 0);
  const cpuMs = runs.reduce((a, r) => a + r.cpuMs, 0);
  const statuses = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    requests: all.length,
    statuses,
    errors: runs.reduce((a, r) => a + r.errors, 0),
    rps: round(all.length / seconds, 1),
    p50: round(percentile(all, 50), 2),
    p95: round(percentile(all, 95), 2),
    p99: round(percentile(all, 99), 2),
    serverCpuMsPerRequest: all.length ? round(cpuMs / all.length, 3) : null,
    // bytes read per answer (headers and body): a larger answer costs the server its writes
    bytesPerResponse: all.length ? Math.round(runs.reduce((a, r) => a + r.bytes, 0) / all.length) : null,
  };
}

const ratio = (a, b) => (a == null || !b ? null : round(a / b, 3));

const result = {
  timestamp: new Date().toISOString(),
  base: null,
  current: null,
  settings: { rounds: ROUNDS, secondsPerRun: SECONDS, connections: CONNECTIONS, demoResidentsScale: SCALE, quick },
  machine: { cpus: os.cpus().length, node: process.version, loadavgBefore: round(os.loadavg()[0], 2) },
  endpoints: {},
  notes: [],
  errors: [],
};
let exitCode = 0;
try {
  const rev = (r) => execFileSync('git', ['rev-parse', r], { cwd: REPO, encoding: 'utf8' }).trim();
  result.base = { rev: rev(`${BASE}^{commit}`), asked: BASE };
  result.current = {
    rev: rev('HEAD'),
    dirty: execFileSync('git', ['status', '--porcelain', '--', 'apps', 'packages'], { cwd: REPO }).length > 0,
  };
  log(`base ${result.base.rev.slice(0, 9)} vs current ${result.current.rev.slice(0, 9)}; work dir ${tmp}`);

  // 1. The base checkout: a detached worktree, node_modules hard-linked, the server bundled by its own script.
  execFileSync('git', ['worktree', 'add', '--detach', baseTree, result.base.rev], { cwd: REPO, stdio: 'ignore' });
  execFileSync('cp', ['-al', path.join(REPO, 'node_modules'), path.join(baseTree, 'node_modules')]);
  for (const [name, tree] of [
    ['base', baseTree],
    ['current', REPO],
  ]) {
    const b = await runNode([path.join(tree, 'scripts/build-server.mjs')], { cwd: tree, timeoutMs: 180_000 });
    if (b.code !== 0) throw new Error(`${name} build failed: ${b.stderr.slice(-500)}`);
    log(`${name} bundle built (${Math.round(b.ms / 1000)} s)`);
  }

  // 2. One data set: the base's demo county, copied; each server migrates its own copy on start.
  const dataBase = path.join(tmp, 'data-base');
  const dataCurrent = path.join(tmp, 'data-current');
  const demo = await runNode([path.join(baseTree, 'apps/server/bin/dangjian.mjs'), 'demo'], {
    cwd: baseTree,
    // the older name and the current one of the residents' scale
    env: { DATA_DIR: dataBase, DJ_DEMO_SERVICE_SCALE: SCALE, DJ_DEMO_RESIDENTS_SCALE: SCALE },
    timeoutMs: 300_000,
  });
  if (demo.code !== 0) throw new Error(`base demo exited ${demo.code}: ${demo.stderr.slice(-500)}`);
  fs.cpSync(dataBase, dataCurrent, { recursive: true });
  result.dataset = {
    seededBy: 'base revision `dangjian demo`',
    demoSeconds: round(demo.ms / 1000, 1),
    databaseMb: round(fs.statSync(path.join(dataBase, 'dangjian.sqlite')).size / 2 ** 20, 0),
  };
  log(`demo county seeded by the base in ${result.dataset.demoSeconds} s (${result.dataset.databaseMb} MB)`);

  // 3. Both servers, the same queries (those of bench/server.mjs and bench/service.mjs).
  const sides = [await start('base', baseTree, dataBase), await start('current', REPO, dataCurrent)];
  const towns = await Promise.all(sides.map((s) => township(s.api)));
  if (towns[0].id !== towns[1].id) throw new Error(`the township differs: ${towns[0].id} vs ${towns[1].id}`);
  const t = towns[0].id;
  result.dataset.township = towns[0].name;
  const endpoints = [
    { key: 'membersCounty', title: 'member list: county-wide, page 1', paths: ['/api/members?pageSize=20'] },
    {
      key: 'membersTownshipSearch',
      title: 'member list: township subtree + search q=zh',
      paths: [`/api/members?org=${t}&q=zh&pageSize=20`],
    },
    { key: 'requestsCounty', title: 'requests: county-wide, page 1', paths: ['/api/requests?pageSize=20'] },
    {
      key: 'requestsTownshipOpen',
      title: 'requests: township subtree, status=open',
      paths: [`/api/requests?org=${t}&status=open&pageSize=20`],
    },
    { key: 'serviceFigures', title: 'service figures: whole county (warm cache)', paths: ['/api/stats/service'] },
    { key: 'meetingsTownship', title: 'meeting list: township subtree', paths: [`/api/meetings?org=${t}&pageSize=20`] },
    {
      key: 'meetingsCountyKind',
      title: 'meeting list: county-wide, theme days',
      paths: ['/api/meetings?kind=theme_day&pageSize=20'],
    },
  ];
  // --only k1,k2: a subset of the endpoints (to look again at one that differs)
  const only = opt('only', null)?.split(',');
  if (only) endpoints.splice(0, endpoints.length, ...endpoints.filter((e) => only.includes(e.key)));
  // Same answers on both sides (the totals), else the comparison is void.
  for (const e of endpoints) {
    const bodies = await Promise.all(sides.map((s) => s.api.getJson(e.paths[0])));
    const totals = bodies.map((b) => b.total ?? null);
    e.totals = totals;
    if (totals[0] !== totals[1]) result.notes.push(`${e.key}: totals differ (base ${totals[0]}, current ${totals[1]})`);
  }
  log('warm-up …');
  for (const s of sides)
    await run(
      s,
      endpoints.flatMap((e) => e.paths),
      quick ? 2 : 3,
      false,
    );

  // 4. Alternating rounds: each endpoint, A then B in even rounds and B then A in odd ones.
  const runs = Object.fromEntries(endpoints.map((e) => [e.key, { base: [], current: [] }]));
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    const order = round_ % 2 ? [sides[1], sides[0]] : sides;
    for (const e of endpoints) for (const s of order) runs[e.key][s.name].push(await run(s, e.paths, SECONDS));
    log(`round ${round_ + 1}/${ROUNDS} done (load average ${round(os.loadavg()[0], 2)})`);
  }

  for (const e of endpoints) {
    const b = summarize(runs[e.key].base);
    const c = summarize(runs[e.key].current);
    // The spread of the per-round ratios shows how much of a difference is noise.
    const p50 = (r) =>
      percentile(
        [...r.latencies].sort((x, y) => x - y),
        50,
      );
    const cpu = (r) => (r.latencies.length ? r.cpuMs / r.latencies.length : null);
    const perRound = runs[e.key].base.map((rb, i) => ratio(p50(runs[e.key].current[i]), p50(rb)));
    const cpuPerRound = runs[e.key].base.map((rb, i) => ratio(cpu(runs[e.key].current[i]), cpu(rb)));
    result.endpoints[e.key] = {
      title: e.title,
      paths: e.paths,
      totals: { base: e.totals[0], current: e.totals[1] },
      base: b,
      current: c,
      ratio: {
        p50: ratio(c.p50, b.p50),
        p95: ratio(c.p95, b.p95),
        rps: ratio(c.rps, b.rps),
        serverCpuMsPerRequest: ratio(c.serverCpuMsPerRequest, b.serverCpuMsPerRequest),
      },
      p50RatioPerRound: { values: perRound, median: median(perRound.filter((x) => x != null)) },
      cpuRatioPerRound: { values: cpuPerRound, median: median(cpuPerRound.filter((x) => x != null)) },
    };
    const non2xx = (s) => s.requests - (s.statuses[200] ?? 0);
    if (non2xx(b) || non2xx(c) || b.errors || c.errors)
      result.errors.push({ endpoint: e.key, message: `non-200 answers: base ${non2xx(b)}, current ${non2xx(c)}` });
  }
  for (const s of sides) await stopServer(s.child);
} catch (err) {
  result.errors.push({ message: err.message });
  exitCode = 1;
}
result.machine.loadavgAfter = round(os.loadavg()[0], 2);
result.durationSeconds = round((Date.now() - started) / 1000, 1);
result.notes.push(
  'ratio = current / base: above 1 is slower for p50/p95/serverCpuMsPerRequest, below 1 is slower for rps',
  'serverCpuMsPerRequest (user+sys of the server process / requests) is the least moved by other work on the machine',
);
if (result.machine.loadavgBefore > os.cpus().length)
  result.notes.push(`the machine was busy (load average ${result.machine.loadavgBefore}): the figures are noisy`);
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, 'compare.json'), `${JSON.stringify(result, null, 2)}\n`);
cleanup();
clearTimeout(watchdog);

// Summary ---------------------------------------------------------------------------------------
const lines = ['', `compare (bench/results/compare.json): current / base ${BASE}, ${result.durationSeconds} s`];
for (const [k, e] of Object.entries(result.endpoints)) {
  const r = e.ratio;
  lines.push(
    `  ${k.padEnd(22)} p50 ${e.base.p50}→${e.current.p50} ms (×${r.p50})  p95 ${e.base.p95}→${e.current.p95} ms ` +
      `(×${r.p95})  rps ${e.base.rps}→${e.current.rps} (×${r.rps})  cpu/req ×${r.serverCpuMsPerRequest}` +
      `  [median of rounds: p50 ×${e.p50RatioPerRound.median}, cpu/req ×${e.cpuRatioPerRound.median}]`,
  );
}
for (const n of result.notes) lines.push(`  note: ${n}`);
for (const e of result.errors) lines.push(`  error${e.endpoint ? ` (${e.endpoint})` : ''}: ${e.message}`);
console.log(lines.join('\n'));
process.exit(exitCode);
