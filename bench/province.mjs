// `npm run bench:province`: issue 16's province figures on PostgreSQL → bench/results/province.json.
// Loads `demo --scale province` (BENCH_COUNTIES counties, 100 by default) into a private server (or the database
// of BENCH_PG_URL; with BENCH_REUSE=1 an already loaded one is measured as it is), then serves it and measures:
// the load time and database size, the province / prefecture / county dashboards cold and warm p95, the member
// list p95 at the province's row count, one process against two (throughput ratio), and the rollups' lag after a
// write. All traffic goes to 127.0.0.1; every load is bounded in time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  REPO,
  apiClient,
  freePort,
  killAllChildren,
  round,
  runCli,
  spawnServer,
  stopServer,
  waitHealthy,
  waitIdle,
} from './lib.mjs';
import { check, load } from './server-load.mjs';
import { startPg } from './pg.mjs';
import { makeIdNumber } from './roster.mjs';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const REUSE = process.env.BENCH_REUSE === '1';
const PASSWORD = 'Dangjian@2026';
const LOAD_LIMIT_MS = 45 * 60_000;
const RUN = { connections: 16, durationSeconds: 8 };

export const PROVINCE_TARGETS = {
  loadSeconds: 1800,
  dashboardP95Ms: 1000,
  memberListP95Ms: 50,
};

/** Measures one GET once (the cold answer: nothing of it cached in a fresh process). */
async function once(api, url) {
  const t0 = performance.now();
  const res = await api.request('GET', url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}`);
  return round(performance.now() - t0, 1);
}

/** Polls `read` until it differs from `before`; resolves the seconds waited (null past `limitMs`). */
async function waitChange(read, before, limitMs) {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    if ((await read()) !== before) return round((performance.now() - t0) / 1000, 1);
    await new Promise((r) => setTimeout(r, 500));
  }
  return null;
}

/** Serves the database with `workers` processes; resolves the child, its port and a log file. */
async function serve(url, workers, dir) {
  const port = await freePort();
  const logFile = path.join(dir, `server-${workers}.log`);
  const since = performance.now();
  const env = { DATABASE_URL: url, DJ_WORKERS: String(workers), DJ_DEMO: 'off', LOG_LEVEL: 'warn' };
  // The data folder holds the key of the encrypted numbers: the one the database was loaded with (BENCH_DATA_DIR).
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(dir, 'data');
  const child = spawnServer({ dataDir, port, logFile, env });
  const readyMs = await waitHealthy(port, child, { since, timeoutMs: 120_000 });
  // Each process warms every county's figures after it listens, mostly as queries: wait for it and for PostgreSQL.
  await waitIdle(child.pid, { timeoutMs: 300_000 });
  await waitDbIdle(url, 600_000);
  return { child, port, readyMs: round(readyMs), logFile };
}

/** Waits until PostgreSQL runs no statement but this one for two seconds in a row, at most `timeoutMs`. */
async function waitDbIdle(url, timeoutMs) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    for (let quiet = 0; quiet < 2; ) {
      const { rows } = await client.query(
        `select count(*)::int as n from pg_stat_activity
         where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      quiet = rows[0].n === 0 ? quiet + 1 : 0;
      if (performance.now() - t0 > timeoutMs) throw new Error(`PostgreSQL still busy after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await client.end();
  }
}

/** Signs in a demo account on a port. */
async function signIn(port, username) {
  const api = apiClient(port);
  await api.login(username, PASSWORD);
  return api;
}

/** Runs the whole bench; never throws, failures land in `result.errors`. */
export async function runProvinceBench({ log = console.log } = {}) {
  const result = { startedAt: new Date().toISOString(), counties: COUNTIES, figures: {}, checks: {}, errors: [] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-province-'));
  const server = process.env.BENCH_PG_URL ? null : await startPg();
  const url = process.env.BENCH_PG_URL ?? server.url('postgres');
  const step = async (name, fn) => {
    const t0 = performance.now();
    result.loadavg = { ...result.loadavg, [name]: round(os.loadavg()[0], 2) };
    try {
      await fn();
    } catch (err) {
      result.errors.push({ step: name, message: err.message });
      log(`  ! ${name}: ${err.message}`);
    }
    log(`  ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  try {
    await step('load', async () => {
      if (REUSE) return void (result.figures.loadSeconds = null);
      const args = ['demo', '--scale', 'province', '--counties', String(COUNTIES)];
      const dataDir = process.env.BENCH_DATA_DIR ?? path.join(dir, 'data');
      const r = await runCli(args, { env: { DATABASE_URL: url, DATA_DIR: dataDir }, timeoutMs: LOAD_LIMIT_MS });
      fs.writeFileSync(path.join(dir, 'load.log'), r.stdout + r.stderr);
      if (r.code !== 0)
        throw new Error(`demo exited ${r.code}${r.timedOut ? ' (timed out)' : ''}: ${r.stderr.slice(-400)}`);
      result.figures.loadSeconds = round(r.ms / 1000);
      result.checks.loadSeconds = check(result.figures.loadSeconds, PROVINCE_TARGETS.loadSeconds);
    });
    await step('size', async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const q = async (text) => (await client.query(text)).rows[0];
        result.figures.databaseMb = round(
          Number((await q('select pg_database_size(current_database()) s')).s) / 2 ** 20,
        );
        result.figures.rows = {
          organizations: Number((await q('select count(*) n from orgs')).n),
          members: Number((await q('select count(*) n from members')).n),
          meetings: Number((await q('select count(*) n from meetings')).n),
          counties: Number((await q('select count(*) n from county_regions')).n),
        };
      } finally {
        await client.end();
      }
    });

    let one = null;
    await step('serve (one process)', async () => {
      one = await serve(url, 1, dir);
      result.figures.startMs = one.readyMs;
    });
    if (one) {
      const province = await signIn(one.port, 'demo-province');
      const county = await signIn(one.port, 'demo-county');
      const units = {};
      // The server's first rollup round refreshes every county whose rows are older than its data: measure after it
      // (the process is idle while PostgreSQL works, so waitIdle alone does not see it).
      await step('rollups current', async () => {
        const t0 = performance.now();
        while ((await province.getJson('/api/regions/overview')).pending > 0) {
          if (performance.now() - t0 > 20 * 60_000) throw new Error('rollups still pending after 20 minutes');
          await new Promise((r) => setTimeout(r, 2000));
        }
        await new Promise((r) => setTimeout(r, Number(process.env.DJ_ROLLUP_SECONDS ?? 60) * 1000 + 5000));
        await waitIdle(one.child.pid, { timeoutMs: 600_000 });
      });
      // The first daily jobs of a province (the points harvest of every county the demo did not harvest) write in
      // PostgreSQL while the process is idle: the figures below are of a served province, not of that first round,
      // which is measured on its own.
      await step('first daily jobs', async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const t0 = performance.now();
          const open = async () =>
            Number((await client.query('select count(*) n from job_runs where finished_at is null')).rows[0].n);
          while ((await open()) > 0) {
            if (performance.now() - t0 > 30 * 60_000) throw new Error('daily jobs still running after 30 minutes');
            await new Promise((r) => setTimeout(r, 2000));
          }
          const { rows } = await client.query(
            `select job, extract(epoch from (finished_at::timestamptz - started_at::timestamptz)) s from job_runs
             where started_at >= $1 order by s desc`,
            [new Date(Date.now() - 3 * 3600_000).toISOString()],
          );
          result.figures.firstDailyJobs = Object.fromEntries(rows.map((r) => [r.job, round(Number(r.s))]));
        } finally {
          await client.end();
        }
      });
      await step('dashboards', async () => {
        const top = await province.getJson('/api/regions/overview');
        const prefecture = top.children[0];
        const byPrefecture = await province.getJson(`/api/regions/overview?unit=prefecture:${prefecture.id}`);
        units.province = `/api/regions/overview?unit=province:${top.unit.id}`;
        units.prefecture = `/api/regions/overview?unit=prefecture:${prefecture.id}`;
        units.county = `/api/regions/overview?unit=county:${byPrefecture.children[0].id}`;
        result.figures.dashboards = {};
        for (const [name, u] of Object.entries(units)) {
          const cold = await once(province, u);
          const warm = await load(one.port, province.cookieHeader(), {
            title: name,
            paths: [u],
            serverPid: one.child.pid,
            ...RUN,
          });
          result.figures.dashboards[name] = { coldMs: cold, warm };
          result.checks[`dashboard.${name}.coldMs`] = check(cold, PROVINCE_TARGETS.dashboardP95Ms);
          result.checks[`dashboard.${name}.warmP95Ms`] = check(warm.latencyMs.p95, PROVINCE_TARGETS.dashboardP95Ms);
        }
      });
      const memberPaths = [
        '/api/members?pageSize=20',
        '/api/members?pageSize=20&page=50',
        `/api/members?pageSize=20&q=${encodeURIComponent('王')}`,
      ];
      await step('member list', async () => {
        const run = await load(one.port, county.cookieHeader(), {
          title: 'member list',
          paths: memberPaths,
          serverPid: one.child.pid,
          ...RUN,
        });
        result.figures.memberList = run;
        result.checks.memberListP95Ms = check(run.latencyMs.p95, PROVINCE_TARGETS.memberListP95Ms);
      });
      await step('rollup lag', async () => {
        const me = await county.getJson('/api/auth/me');
        const orgId = me.user?.orgId ?? me.orgId;
        const ownUnit = '/api/regions/overview';
        const total = async () => (await county.getJson(ownUnit)).unit.figures.members.total;
        const before = await total();
        const seq = Math.floor(Math.random() * 400);
        const res = await county.request('POST', '/api/members', {
          json: {
            orgId,
            name: '测试滞后',
            idNumber: makeIdNumber('440305', '1990-05-01', seq, true),
            gender: 'male',
            joinedAt: '2020-07-01',
          },
        });
        if (res.status !== 201 && res.status !== 200)
          throw new Error(`POST /api/members → ${res.status} ${await res.text()}`);
        result.figures.rollupLagSeconds = await waitChange(total, before, 5 * 60_000);
        result.figures.rollupIntervalSeconds = Number(process.env.DJ_ROLLUP_SECONDS ?? 60);
      });
      await step('one process', async () => {
        // Warm first, as for two processes below: each process fills its own caches.
        await load(one.port, county.cookieHeader(), { title: 'warm-up', paths: memberPaths, ...RUN, collect: false });
        result.figures.oneProcess = await load(one.port, county.cookieHeader(), {
          title: 'one process',
          paths: memberPaths,
          ...RUN,
        });
      });
      await stopServer(one.child);
      await step('two processes', async () => {
        const two = await serve(url, 2, dir);
        try {
          const c2 = await signIn(two.port, 'demo-county');
          await load(two.port, c2.cookieHeader(), { title: 'warm-up', paths: memberPaths, ...RUN, collect: false });
          result.figures.twoProcesses = await load(two.port, c2.cookieHeader(), {
            title: 'two processes',
            paths: memberPaths,
            ...RUN,
          });
          result.figures.twoOverOne = round(
            result.figures.twoProcesses.reqPerSec / result.figures.oneProcess.reqPerSec,
            2,
          );
        } finally {
          await stopServer(two.child);
        }
      });
    }
  } finally {
    killAllChildren();
    server?.stop();
    result.finishedAt = new Date().toISOString();
    result.logs = dir;
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runProvinceBench();
  const out = path.join(REPO, 'bench/results/province.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  const failed = Object.entries(result.checks).filter(([, c]) => !c.pass);
  console.log(
    `province bench → ${path.relative(REPO, out)}; ${failed.length} checks over target, ${result.errors.length} errors`,
  );
  for (const [k, c] of failed) console.log(`  ${k}: ${c.value} (target ${c.target})`);
  process.exit(result.errors.length ? 1 : 0);
}
