// Profiles the server on one route: `node bench/profile.mjs [PATH …] [--seconds N] [--data DIR]`.
// Loads the demo into a temporary DATA_DIR (or uses --data), starts `dangjian serve` under
// --cpu-prof, signs in as demo-county, drives the path(s) with autocannon (32 connections) and prints
// where the server's main thread spent its time (self time by package, inclusive by function).
// Paths may use {township} and {root}. Traffic only to 127.0.0.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { HOST, apiClient, freePort, runCli, spawnServer, stopServer, waitHealthy, withTimeout } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const seconds = Number(opt('seconds', 10));
let dataDir = opt('data', null);
const top = Number(opt('top', 25));
const paths = args.length ? args : ['/api/members?org={township}&q=zh&pageSize=20'];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-profile-'));
if (!dataDir) {
  dataDir = path.join(tmp, 'data');
  const r = await runCli(['demo'], {
    env: { DATA_DIR: dataDir, DATABASE_URL: '', DJ_DEMO_RESIDENTS_SCALE: '0.02' },
    timeoutMs: 180_000,
  });
  if (r.code !== 0) throw new Error(`demo failed: ${r.stderr}`);
}
const profDir = path.join(tmp, 'prof');
const port = await freePort();
const t0 = performance.now();
const server = spawnServer({
  dataDir,
  port,
  logFile: path.join(tmp, 'server.log'),
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
});
try {
  await waitHealthy(port, server, { since: t0 });
  const api = apiClient(port);
  await api.login('demo-county', 'Dangjian@2026');
  const [root] = (await api.getJson('/api/orgs/tree')).items;
  const kids = (await api.getJson(`/api/orgs/tree?parent=${root.id}`)).items;
  const township = kids.filter((o) => /[镇乡]党委$/.test(o.name)).sort((a, b) => b.memberCount - a.memberCount)[0];
  const resolved = paths.map((p) => p.replaceAll('{township}', township.id).replaceAll('{root}', root.id));
  console.log(`profiling ${resolved.join(', ')} for ${seconds} s …`);
  const inst = autocannon({
    url: `http://${HOST}:${port}`,
    connections: 32,
    duration: seconds,
    headers: { cookie: api.cookieHeader() },
    requests: resolved.map((p) => ({ path: p })),
  });
  const res = await withTimeout(inst, (seconds + 20) * 1000, 'load');
  console.log(
    `${res.requests.average} req/s, p50 ${res.latency.p50} ms, p97.5 ${res.latency.p97_5} ms, non-2xx ${res.non2xx}`,
  );
} finally {
  await stopServer(server);
}

// The main thread's profile is the biggest one (the other is tsx's loader thread).
const files = fs.readdirSync(profDir).map((f) => path.join(profDir, f));
const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// only the load window: the last `seconds` of the profile
const times = [];
let t = p.startTime;
for (let i = 0; i < p.samples.length; i++) times.push((t += p.timeDeltas[i]));
const from = p.endTime - seconds * 1e6;
const selfMs = new Map();
let total = 0;
for (let i = 1; i < p.samples.length; i++) {
  if (times[i] < from) continue;
  const d = (times[i] - times[i - 1]) / 1000;
  selfMs.set(p.samples[i], (selfMs.get(p.samples[i]) ?? 0) + d);
  total += d;
}
const pkg = (n) => {
  const u = n.callFrame.url;
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.includes('/apps/server/src/')) return 'app: ' + u.split('/apps/server/src/')[1];
  if (u.startsWith('node:')) return 'node internals';
  return n.callFrame.functionName || '(native)';
};
const byPkg = new Map();
const incl = new Map();
for (const [id, ms] of selfMs) {
  const n = byId.get(id);
  byPkg.set(pkg(n), (byPkg.get(pkg(n)) ?? 0) + ms);
  const seen = new Set();
  for (let cur = id; cur != null; cur = parent.get(cur)) {
    const f = byId.get(cur).callFrame;
    if (
      !f.url.includes('/apps/server/src/') &&
      !f.url.includes('better-sqlite3') &&
      !f.url.includes('kysely/dist') &&
      !f.url.includes('fast-json-stringify') &&
      !/fastify\/lib/.test(f.url)
    )
      continue;
    const k =
      `${f.functionName || '(anonymous)'} ` +
      ` ${f.url.replace(/^.*\/(apps\/server\/src|node_modules)\//, '')}:${f.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + ms);
  }
}
const pct = (ms) => `${((ms / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`\nmain thread, last ${seconds} s: ${total.toFixed(0)} ms sampled (idle included)\nself time by package:`);
for (const [k, ms] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(ms)}  ${k}`);
console.log('inclusive time, app / kysely / better-sqlite3 / fastify frames:');
for (const [k, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(ms)}  ${k}`);
console.log(`\nprofile: ${file}`);
