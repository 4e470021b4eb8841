// The cadres and economy bench (issue 14) on the full demo county (SQLite): the demo's load time with every module;
// then, signed in as the county, the latency of the county-wide answers a county's pages and home open with — the
// election analytics (`GET /api/elections/analytics?org=<county>&term=2026`), the economy figures (`economy.incomes`,
// `economy.projects`, `economy.funds`, each through the route the figures catalogue names for it), the income classes
// (`GET /api/economy/incomes/classes`), the training hours (`GET /api/training/hours?org=<county>&year=`) and the
// home itself. Each is called once cold, then 30 times one after another (a person opening the page, not a crowd):
// p50 and p95 of those, target p95 < 200 ms. Writes bench/results/cadres-economy.json. Run alone with
// `node bench/cadres-economy.mjs` (BENCH_CADRES_DATA=<dir> benches an already loaded DATA_DIR, kept), or through
// `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, apiClient, freePort, percentile, round, runCli, spawnServer, stopServer, waitHealthy } from './lib.mjs';

export const CADRES_ECONOMY_TARGETS = { p95Ms: 200, demoSeconds: 90 };
const RUNS = 30;

/** This year, China time. */
const thisYear = () => Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4));

/** The query of a catalogue figure for the county and year, from the parameters it declares. */
function figureQuery(params, { org, year, term }) {
  const props = Object.keys(params?.properties ?? {});
  const q = {};
  if (props.includes('org')) q.org = org;
  else if (props.includes('orgId')) q.orgId = org;
  if (props.includes('year')) q.year = year;
  if (props.includes('term')) q.term = term;
  return new URLSearchParams(q).toString();
}

/** Runs the bench; never throws (failures land in `errors`). */
export async function runCadresEconomyBench({ log = console.log } = {}) {
  const result = {
    startedAt: new Date().toISOString(),
    database: 'sqlite',
    targets: CADRES_ECONOMY_TARGETS,
    runs: RUNS,
    figures: {},
    checks: {},
    notes: [],
    errors: [],
    loadavgBefore: round(os.loadavg()[0], 2),
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-bench-cadres-'));
  const reuse = process.env.BENCH_CADRES_DATA ? path.resolve(process.env.BENCH_CADRES_DATA) : null;
  const dataDir = reuse ?? path.join(tmp, 'data');
  let server = null;
  const check = (value, target) => ({ value, target: `< ${target}`, pass: value != null && value < target });
  try {
    if (!reuse) {
      log('cadres-economy 1. dangjian demo (county, full scale, every module) …');
      const r = await runCli(['demo'], { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, timeoutMs: 900_000 });
      if (r.code !== 0)
        throw new Error(`demo exited ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-500)}`);
      result.figures.demo = { wallSeconds: round(r.ms / 1000, 1), cpuSeconds: round(r.cpuMs / 1000, 1) };
      // The demo's log names each stage with its time: keep the lines of issue 14's modules.
      result.figures.demo.stages = `${r.stdout}\n${r.stderr}`
        .split('\n')
        .filter((l) => /两委|干部|派驻|联系点|设岗|学习|培训|集体|收入|项目|经费/.test(l) && /\d+(\.\d+)?\s*s/.test(l))
        .map((l) => l.trim())
        .slice(0, 20);
      result.checks['demo.seconds'] = check(result.figures.demo.wallSeconds, CADRES_ECONOMY_TARGETS.demoSeconds);
      log(`   demo ${result.figures.demo.wallSeconds} s`);
    } else result.notes.push(`demo not loaded: benched the loaded DATA_DIR ${reuse}`);

    const port = await freePort();
    const t0 = performance.now();
    server = spawnServer({ dataDir, port, logFile: path.join(tmp, 'server.log'), env: { DJ_JOBS: 'false' } });
    await waitHealthy(port, server, { since: t0, timeoutMs: 60_000 });
    const api = apiClient(port);
    await api.login('demo-county', 'Dangjian@2026');
    const [root] = (await api.getJson('/api/orgs/tree')).items;
    const year = thisYear();
    const term = String(year);
    const args = { org: root.id, year, term };
    result.figures.dataset = { county: root.name, year, term };

    // The routes: the analytics and the hours by name, the economy figures by their catalogue entries.
    const routes = [
      { key: 'electionsAnalytics', url: `/api/elections/analytics?org=${root.id}&term=${term}` },
      { key: 'incomesClasses', url: `/api/economy/incomes/classes?org=${root.id}&year=${year}` },
      { key: 'trainingHours', url: `/api/training/hours?org=${root.id}&year=${year}` },
      { key: 'home', url: `/api/home?org=${root.id}` },
    ];
    const catalogue = (await api.getJson('/api/figures')).items;
    for (const key of ['economy.incomes', 'economy.projects', 'economy.funds', 'cadres.committees']) {
      const f = catalogue.find((i) => i.key === key) ?? catalogue.find((i) => i.key.startsWith(`${key}.`));
      if (!f) {
        result.errors.push({ message: `figure ${key} is not in the catalogue` });
        continue;
      }
      const [, url] = f.route.split(' ');
      const q = figureQuery(f.params, args);
      routes.push({ key: `figure:${f.key}`, url: `${url}${q ? `?${q}` : ''}` });
    }

    result.figures.routes = {};
    for (const r of routes) {
      const times = [];
      let first = null;
      let status = null;
      for (let i = 0; i <= RUNS; i++) {
        const s = performance.now();
        const res = await api.request('GET', r.url, { timeoutMs: 120_000 });
        const body = await res.text();
        const ms = round(performance.now() - s, 1);
        status = res.status;
        if (res.status !== 200) {
          result.errors.push({ message: `GET ${r.url} → ${res.status} ${body.slice(0, 300)}` });
          break;
        }
        if (i === 0) first = { ms, bytes: body.length };
        else times.push(ms);
      }
      times.sort((a, b) => a - b);
      const x = {
        url: r.url,
        status,
        first,
        p50: round(percentile(times, 50), 1),
        p95: round(percentile(times, 95), 1),
        max: round(times.at(-1), 1),
      };
      result.figures.routes[r.key] = x;
      result.checks[`${r.key}.p95Ms`] = check(status === 200 ? x.p95 : null, CADRES_ECONOMY_TARGETS.p95Ms);
      log(`   ${r.key}: first ${first?.ms ?? '?'} ms, p50 ${x.p50} ms, p95 ${x.p95} ms (HTTP ${status})`);
    }
  } catch (err) {
    result.errors.push({ message: err.message });
    log(`   ! ${err.message}`);
  } finally {
    if (server) await stopServer(server);
    if (!process.env.BENCH_KEEP_DATA && !reuse) fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (result.loadavgBefore > 1)
    result.notes.push(
      `other work was running (1-minute load average ${result.loadavgBefore} on ${os.cpus().length} CPUs): ` +
        `timings are pessimistic`,
    );
  result.allPass = Object.values(result.checks).every((c) => c.pass) && !result.errors.length;
  result.finishedAt = new Date().toISOString();
  fs.mkdirSync(path.join(REPO, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'bench/results/cadres-economy.json'), JSON.stringify(result, null, 2) + '\n');
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runCadresEconomyBench({ log: (l) => console.error(l) });
  console.log(JSON.stringify({ checks: r.checks, errors: r.errors, notes: r.notes }, null, 2));
}
