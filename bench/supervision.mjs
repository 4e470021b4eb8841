// The supervision bench (issue 13) on the full demo county (SQLite): a county-wide quarterly bulletin generated
// from the records (target under 5 s; the draft's generation, `POST /api/bulletins`, timed end to end, three times,
// the first on cold caches), and the problem list (p95 < 50 ms at 16 connections for 8 s, county-wide and a
// township's subtree, plain and overdue-filtered). Writes bench/results/supervision.json. Run alone with
// `node bench/supervision.mjs` (BENCH_SUPERVISION_DATA=<dir> benches an already loaded DATA_DIR, kept), or through
// `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, apiClient, freePort, loadPaths, round, runCli, spawnServer, stopServer, waitHealthy } from './lib.mjs';

export const SUPERVISION_TARGETS = { bulletinSeconds: 5, listP95Ms: 50 };

/** The quarter before today's, China time (a whole quarter of records behind it). */
function lastQuarter() {
  const day = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const year = Number(day.slice(0, 4));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** Runs the supervision bench; never throws (failures land in `errors`). */
export async function runSupervisionBench({ log = console.log } = {}) {
  const result = {
    startedAt: new Date().toISOString(),
    database: 'sqlite',
    targets: SUPERVISION_TARGETS,
    figures: {},
    checks: {},
    notes: [],
    errors: [],
    loadavgBefore: round(os.loadavg()[0], 2),
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-bench-supervision-'));
  const reuse = process.env.BENCH_SUPERVISION_DATA ? path.resolve(process.env.BENCH_SUPERVISION_DATA) : null;
  const dataDir = reuse ?? path.join(tmp, 'data');
  let server = null;
  const check = (value, target) => ({ value, target: `< ${target}`, pass: value != null && value < target });
  try {
    if (!reuse) {
      // The full county: a bulletin reads the residents' service figures too, at their real volume.
      log('supervision 1. dangjian demo (county, full scale) …');
      const r = await runCli(['demo'], { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, timeoutMs: 900_000 });
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
    const timed = async (method, url, json) => {
      const s = performance.now();
      const res = await api.request(method, url, { json, timeoutMs: 120_000 });
      const body = await res.json().catch(() => null);
      return { status: res.status, ms: round(performance.now() - s, 1), body };
    };
    const problems = await timed('GET', '/api/problems?pageSize=1');
    const overdue = await timed('GET', '/api/problems?pageSize=1&overdue=true');
    result.figures.dataset = {
      county: root.name,
      township: township.name,
      problems: problems.body?.total ?? null,
      overdueProblems: overdue.body?.total ?? null,
    };

    // 1. A county-wide quarterly bulletin, generated three times (the first on cold figure caches); each draft is
    // deleted after, so the bench leaves the county's bulletins as it found them.
    const period = lastQuarter();
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const g = await timed('POST', '/api/bulletins', { orgId: root.id, kind: 'quarterly', period });
      if (g.status !== 200 && g.status !== 201) {
        result.errors.push({ message: `POST /api/bulletins → ${g.status} ${JSON.stringify(g.body).slice(0, 300)}` });
        break;
      }
      runs.push({ ms: g.ms, sections: g.body?.content?.sections?.length ?? null });
      log(`   bulletin ${period} (county): ${g.ms} ms`);
      if (g.body?.id) await api.request('DELETE', `/api/bulletins/${g.body.id}`);
    }
    const worst = runs.length ? Math.max(...runs.map((r) => r.ms)) : null;
    result.figures.bulletin = { period, runs, firstMs: runs[0]?.ms ?? null, worstMs: worst };
    result.checks['bulletin.seconds'] = check(worst == null ? null : round(worst / 1000, 2), 5);

    // 2. The problem list under load.
    const routes = [
      { key: 'problemsCounty', title: 'problems: county-wide, page 1', paths: ['/api/problems?pageSize=20'] },
      {
        key: 'problemsTownship',
        title: 'problems: township subtree, page 1',
        paths: [`/api/problems?org=${t}&pageSize=20`],
      },
      {
        key: 'problemsCountyOverdue',
        title: 'problems: county-wide, overdue',
        paths: ['/api/problems?overdue=true&pageSize=20'],
      },
      {
        key: 'problemsTownshipOpen',
        title: 'problems: township subtree, assigned',
        paths: [`/api/problems?org=${t}&status=assigned&pageSize=20`],
      },
    ];
    result.figures.load = {};
    for (const r of routes) {
      const first = await timed('GET', r.paths[0]);
      const x = {
        first: { status: first.status, ms: first.ms, total: first.body?.total ?? null },
        ...(await loadPaths(port, api.cookieHeader(), r.title, r.paths)),
      };
      result.figures.load[r.key] = x;
      result.checks[`${r.key}.p95Ms`] = {
        ...check(x.latencyMs.p95, SUPERVISION_TARGETS.listP95Ms),
        ...(x.non2xx ? { pass: false, why: `${x.non2xx} non-2xx` } : {}),
      };
      log(
        `   ${r.title}: first ${first.ms} ms (HTTP ${first.status}), ${x.reqPerSec} req/s, ` +
          `p50 ${x.latencyMs.p50} ms, p95 ${x.latencyMs.p95} ms${x.non2xx ? `, ${x.non2xx} non-2xx` : ''}`,
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
  fs.writeFileSync(path.join(REPO, 'bench/results/supervision.json'), JSON.stringify(result, null, 2) + '\n');
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runSupervisionBench({ log: (l) => console.error(l) });
  console.log(JSON.stringify({ checks: r.checks, errors: r.errors, notes: r.notes }, null, 2));
}
