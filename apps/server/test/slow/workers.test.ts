/**
 * `dangjian serve --workers 2` on PostgreSQL, with a third server (a separate `serve`, as on another host) on the same
 * database, all real processes: a session made through one process is valid on another; a write through one is
 * seen through the other's caches; each daily job runs once however many processes start that day; a public rate
 * limit holds across processes; a killed worker is started again while the port keeps serving; SIGTERM stops all.
 * On SQLite, more than one worker is refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dailyJobs } from '../../src/areas/index.js';
import { pgAdminQuery } from '../harness.js';
import { freePort } from '../pg-server.js';
import { addCountyAdmin, runCli, seedCounty } from '../run-cli.js';
import { alive } from '../serve-kit.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/dangjian.mjs');
const PASSWORD = 'Workers@2026x';
const PER_IP = 6;

interface Answer {
  status: number;
  body: string;
  cookies: Record<string, string>;
}

/** One request on a new connection (no keep-alive), so that the cluster hands each to the next worker in turn. */
function call(
  port: number,
  method: string,
  url: string,
  opts: { cookies?: Record<string, string>; body?: unknown } = {},
) {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = {};
  if (payload) headers['content-type'] = 'application/json';
  if (opts.cookies) {
    headers.cookie = Object.entries(opts.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    if (method !== 'GET' && opts.cookies.dj_csrf) headers['x-csrf-token'] = opts.cookies.dj_csrf;
  }
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        const cookies: Record<string, string> = {};
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const i = pair!.indexOf('=');
          cookies[pair!.slice(0, i)] = pair!.slice(i + 1);
        }
        resolve({ status: res.statusCode ?? 0, body, cookies });
      });
    });
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
    req.once('error', reject);
    req.end(payload);
  });
}

const healthy = (port: number) =>
  call(port, 'GET', '/api/health').then(
    (r) => r.status === 200,
    () => false,
  );

/** Waits until `check` is true, polling every 200 ms, up to `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number, what: () => string): Promise<number> {
  const t = Date.now();
  while (!(await check())) {
    if (Date.now() - t > ms) throw new Error(`not within ${ms} ms: ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - t;
}

/** A `serve` process with its output gathered. */
function start(env: NodeJS.ProcessEnv, args: string[]): { p: ChildProcess; out: () => string } {
  const p = spawn(process.execPath, [BIN, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout!.on('data', (d) => (out += d));
  p.stderr!.on('data', (d) => (out += d));
  return { p, out: () => out };
}

describe('serve --workers 2 on PostgreSQL, with a third server on the same database', () => {
  const admin = inject('pgUrl');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-workers-'));
  const dbName = `dj_wk_${crypto.randomBytes(4).toString('hex')}`;
  const url = admin ? admin.replace(/\/[^/]*$/, `/${dbName}`) : '';
  const pids: number[] = [];

  afterAll(async () => {
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (admin) await pgAdminQuery(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shares sessions, caches, daily jobs and limits; restarts a killed worker; stops on SIGTERM', {
    timeout: 600_000,
  }, async (t) => {
    if (!admin) return t.skip('no PostgreSQL server was started for this run');
    await pgAdminQuery(`create database ${dbName}`);
    const settings = {
      DATA_DIR: path.join(tmp, 'data'),
      DATABASE_URL: url,
      DJ_SECRET_KEY: crypto.randomBytes(32).toString('hex'),
    };
    expect((await runCli(settings, ['migrate'])).status).toBe(0);
    const county = await seedCounty(settings, []);
    const added = await addCountyAdmin(settings, county, 'wk-admin', PASSWORD);
    expect(added.status, added.stderr).toBe(0);

    const [clusterPort, singlePort] = [await freePort(), await freePort()];
    const env = (port: number): NodeJS.ProcessEnv => ({
      ...process.env,
      ...settings,
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(port),
      DJ_DEMO: 'off',
      DJ_SUPERVISE: 'off',
      DJ_PUBLIC_RATE_MAX: String(PER_IP),
    });
    const cluster = start(env(clusterPort), ['--workers', '2']);
    const single = start(env(singlePort), []);
    pids.push(cluster.p.pid!, single.p.pid!);
    const outs = () => `${cluster.out()}\n---\n${single.out()}`;
    const workerPids = () => [...cluster.out().matchAll(/worker started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    // Generous: each process loads the TypeScript sources through tsx, slow on a loaded two-core machine.
    await until(async () => (await healthy(clusterPort)) && (await healthy(singlePort)), 300_000, outs);
    pids.push(...workerPids());
    expect(workerPids()).toHaveLength(2);

    // Daily jobs: three processes started the same day; each job ran in exactly one of them.
    const rounds = () => [...outs().matchAll(/daily jobs \S+: ran (\d+), claimed elsewhere (\d+), failed (\d+)/g)];
    await until(() => rounds().length === 3, 180_000, outs);
    const sum = (i: number) => rounds().reduce((n, m) => n + Number(m[i]), 0);
    const jobs = dailyJobs().length;
    expect(sum(1), outs()).toBe(jobs);
    expect(sum(2)).toBe(2 * jobs);
    expect(sum(3)).toBe(0);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const runs = await c.query(
      `select count(*)::int as n, count(finished_at)::int as done from job_runs where run_key like 'daily:%'`,
    );
    await c.end();
    expect(runs.rows[0]).toEqual({ n: jobs, done: jobs });

    // A session made through the cluster's port is valid on every worker (each request a new connection) and on the
    // separate server; a write through one process is seen by the other's cached total.
    const login = await call(clusterPort, 'POST', '/api/auth/login', {
      body: { username: 'wk-admin', password: PASSWORD },
    });
    expect(login.status, login.body).toBe(200);
    const cookies = login.cookies;
    for (let i = 0; i < 4; i++) expect((await call(clusterPort, 'GET', '/api/auth/me', { cookies })).status).toBe(200);
    expect((await call(singlePort, 'GET', '/api/auth/me', { cookies })).status).toBe(200);
    const total = async (port: number) => JSON.parse((await call(port, 'GET', '/api/orgs', { cookies })).body).total;
    const before = await total(singlePort);
    for (let i = 0; i < 2; i++) expect(await total(clusterPort)).toBe(before); // both workers cache it
    const made = await call(singlePort, 'POST', '/api/orgs', {
      cookies,
      body: { parentId: county, name: '西乡镇党委', type: 'committee', field: 'rural' },
    });
    expect(made.status, made.body).toBe(200);
    for (let i = 0; i < 2; i++) expect(await total(clusterPort)).toBe(before + 1);
    const out = await call(clusterPort, 'POST', '/api/auth/logout', { cookies });
    expect(out.status, out.body).toBeLessThan(300);
    expect((await call(singlePort, 'GET', '/api/auth/me', { cookies })).status).toBe(401);

    // The public limit counts once across both workers and the separate server.
    const statuses: number[] = [];
    for (let i = 0; i < PER_IP + 4; i++) statuses.push((await call(clusterPort, 'GET', '/api/public/places')).status);
    expect(
      statuses.filter((s) => s !== 429),
      statuses.join(','),
    ).toHaveLength(PER_IP);
    expect((await call(singlePort, 'GET', '/api/public/places')).status).toBe(429);

    // A killed worker: the other keeps the port serving, and the primary starts a new one.
    const [first] = workerPids();
    process.kill(first!, 'SIGKILL');
    await until(
      () => !alive(first!),
      5_000,
      () => 'the kill',
    );
    for (let i = 0; i < 4; i++) expect(await healthy(clusterPort)).toBe(true);
    const back = await until(() => workerPids().length === 3, 60_000, outs);
    pids.push(workerPids()[2]!);
    expect(cluster.out()).toMatch(/worker \d+ exited \(SIGKILL\); starting another/);
    await until(async () => alive(workerPids()[2]!) && (await healthy(clusterPort)), 60_000, outs);
    console.log(`a killed worker was started again after ${back} ms; the port answered throughout`);

    const exited = new Promise<number | null>((r) => cluster.p.once('exit', (code) => r(code)));
    cluster.p.kill('SIGTERM');
    expect(await exited, outs()).toBe(0);
    for (const pid of workerPids()) expect(alive(pid)).toBe(false);
    single.p.kill('SIGTERM');
  });

  it('refuses several workers on SQLite, saying why in Chinese and English', async () => {
    const r = await runCli({ DATA_DIR: path.join(tmp, 'lite'), DJ_SUPERVISE: 'off' }, ['serve', '--workers', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/需要 PostgreSQL.*need PostgreSQL/);
  });
});
