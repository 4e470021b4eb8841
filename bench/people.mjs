// The people bench (issue 11) on the demo county (SQLite): the development and dues lists (p95 < 50 ms) and the
// dues figures for the whole county (p95 < 200 ms; the first, uncached call reported apart); the election analytics
// of the whole county (its first, uncached call < 200 ms). The figures' routes
// are read from the figures catalogue (`GET /api/figures`), so the bench follows the modules' own declarations.
// Writes bench/results/people.json. Run alone with `node bench/people.mjs`, or through `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, apiClient, freePort, loadPaths, round, runCli, spawnServer, stopServer, waitHealthy } from './lib.mjs';

export const PEOPLE_TARGETS = { listP95Ms: 50, duesFiguresCountyP95Ms: 200, electionsCountyMs: 200 };

/** Runs the people bench; never throws (failures land in `errors`). */
export async function runPeopleBench({ log = console.log } = {}) {
  const result = {
    startedAt: new Date().toISOString(),
    database: 'sqlite',
    targets: PEOPLE_TARGETS,
    figures: {},
    checks: {},
    notes: [],
    errors: [],
    loadavgBefore: round(os.loadavg()[0], 2),
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-bench-people-'));
  // BENCH_PEOPLE_DATA: an already loaded DATA_DIR to bench without loading the demo again (it is kept).
  const reuse = process.env.BENCH_PEOPLE_DATA ? path.resolve(process.env.BENCH_PEOPLE_DATA) : null;
  const dataDir = reuse ?? path.join(tmp, 'data');
  let server = null;
  const check = (value, target) => ({ value, target: `< ${target}`, pass: value != null && value < target });
  try {
    if (!reuse) {
      // The people records do not depend on the residents' volume: a tenth of it keeps the load short.
      log('people 1. dangjian demo (county, DJ_DEMO_RESIDENTS_SCALE=0.1) …');
      const r = await runCli(['demo'], {
        env: { DATA_DIR: dataDir, DATABASE_URL: '', DJ_DEMO_RESIDENTS_SCALE: '0.1' },
        timeoutMs: 600_000,
      });
      if (r.code !== 0)
        throw new Error(`demo exited ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-500)}`);
      result.figures.demo = { wallSeconds: round(r.ms / 1000, 1), cpuSeconds: round(r.cpuMs / 1000, 1) };
      log(`   demo ${result.figures.demo.wallSeconds} s`);
    } else result.notes.push(`demo not loaded: benched the loaded DATA_DIR ${reuse}`);

    const port = await freePort();
    const t0 = performance.now();
    server = spawnServer({ dataDir, port, logFile: path.join(tmp, 'server.log'), env: { DJ_JOBS: 'false' } });
    await waitHealthy(port, server, { since: t0, timeoutMs: 60_000 });
    const api = apiClient(port);
    await api.login('demo-county', 'Dangjian@2026');
    const [root] = (await api.getJson('/api/orgs/tree')).items;
    const level1 = (await api.getJson(`/api/orgs/tree?parent=${root.id}`)).items;
    const township = level1.filter((o) => /[镇乡]党委$/.test(o.name)).sort((a, b) => b.memberCount - a.memberCount)[0];
    const t = township.id;
    const month = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7);
    const year = month.slice(0, 4);

    const cold = async (url) => {
      const s = performance.now();
      const res = await api.request('GET', url);
      const body = await res.json().catch(() => null);
      return { url, status: res.status, ms: round(performance.now() - s, 1), total: body?.total ?? null };
    };
    const catalogue = (await api.getJson('/api/figures')).items;
    const duesFigures = catalogue.filter((f) => f.key.startsWith('dues.') && f.route);
    result.figures.dataset = {
      township: township.name,
      development: await cold('/api/development?pageSize=1'),
      bills: await cold(`/api/dues/bills?pageSize=1&month=${month}`),
      duesFigures: duesFigures.map((f) => `${f.key} ${f.route}`),
    };
    const routes = [
      { key: 'developmentCounty', title: 'development: county-wide, page 1', paths: ['/api/development?pageSize=20'] },
      {
        key: 'developmentTownship',
        title: 'development: township subtree, page 1',
        paths: [`/api/development?org=${t}&pageSize=20`],
      },
      {
        key: 'billsCountyMonth',
        title: 'dues bills: county-wide, this month',
        paths: [`/api/dues/bills?month=${month}&pageSize=20`],
      },
      {
        key: 'billsTownship',
        title: 'dues bills: township subtree, this month',
        paths: [`/api/dues/bills?org=${t}&month=${month}&pageSize=20`],
      },
    ].map((r) => ({ ...r, target: 'listP95Ms' }));
    for (const f of duesFigures) {
      const query = new URLSearchParams();
      const props = f.params?.properties ?? {};
      if ('year' in props) query.set('year', year);
      else if ('month' in props) query.set('month', month);
      else if ('period' in props) query.set('period', year);
      const q = query.toString();
      // The catalogue names a route with its method ("GET /api/…").
      const url = f.route.replace(/^[A-Z]+\s+/, '');
      routes.push({
        key: `figure:${f.key}`,
        title: `${f.key}: whole county (cached by version)`,
        paths: [`${url}${q ? `?${q}` : ''}`],
        target: 'duesFiguresCountyP95Ms',
      });
    }
    if (!duesFigures.length) result.errors.push({ message: 'no dues figure in GET /api/figures' });
    result.figures.load = {};
    for (const r of routes) {
      const first = await cold(r.paths[0]);
      const x = { first, ...(await loadPaths(port, api.cookieHeader(), r.title, r.paths)) };
      result.figures.load[r.key] = x;
      result.checks[`${r.key}.p95Ms`] = {
        ...check(x.latencyMs.p95, PEOPLE_TARGETS[r.target]),
        ...(x.non2xx ? { pass: false, why: `${x.non2xx} non-2xx` } : {}),
      };
      log(
        `   ${r.title}: first ${first.ms} ms (HTTP ${first.status}), ${x.reqPerSec} req/s, ` +
          `p50 ${x.latencyMs.p50} ms, p95 ${x.latencyMs.p95} ms${x.non2xx ? `, ${x.non2xx} non-2xx` : ''}`,
      );
    }
    // The election analytics of the whole county for the latest term (issue 14): the first call computes every
    // measure from the posts of the term and the previous one (uncached, the figure to watch); later ones are cached.
    const term = (await api.getJson('/api/elections/terms')).items?.[0];
    if (!term) result.errors.push({ message: 'no term with posts in GET /api/elections/terms' });
    else {
      const url = `/api/elections/analytics?org=${root.id}&term=${term}`;
      const first = await cold(url);
      const x = { first, ...(await loadPaths(port, api.cookieHeader(), 'election analytics: county', [url])) };
      result.figures.load.electionsCounty = x;
      result.checks['electionsCounty.firstMs'] = check(
        first.status === 200 ? first.ms : null,
        PEOPLE_TARGETS.electionsCountyMs,
      );
      result.checks['electionsCounty.p95Ms'] = check(x.latencyMs.p95, PEOPLE_TARGETS.electionsCountyMs);
      log(
        `   election analytics (county, term ${term}): first ${first.ms} ms (HTTP ${first.status}), ` +
          `p95 ${x.latencyMs.p95} ms`,
      );
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
  fs.writeFileSync(path.join(REPO, 'bench/results/people.json'), JSON.stringify(result, null, 2) + '\n');
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runPeopleBench({ log: (l) => console.error(l) });
  console.log(JSON.stringify({ checks: r.checks, errors: r.errors, notes: r.notes }, null, 2));
}
