// Small helpers shared by the benchmark scripts: child processes with a time bound, free ports,
// HTTP with cookies (127.0.0.1 only), percentiles and /proc memory readings.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO = path.resolve(import.meta.dirname, '..');
/** The CLI under test; BENCH_CLI points at another checkout's bin/dangjian.mjs for an A/B comparison. */
export const CLI = process.env.BENCH_CLI
  ? path.resolve(process.env.BENCH_CLI)
  : path.join(REPO, 'apps/server/bin/dangjian.mjs');
export const HOST = '127.0.0.1';
/** Keeps every child on the local SQLite file and off the network: no PostgreSQL URL, no outgoing webhook. */
export const LOCAL_ENV = { DATABASE_URL: '', DJ_WEBHOOK_URL: '', HOST };

/** Resolves with `promise`, or rejects after `ms` with a clear message. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)), // also takes thenables (autocannon)
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
      timer.unref?.();
    }),
  ]);
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Children still running, so that a failure or the watchdog can stop them (by pid, nothing else). */
export const liveChildren = new Set();

export function killChild(child, signal = 'SIGTERM') {
  if (child.exitCode == null && child.signalCode == null) {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export function killAllChildren() {
  for (const c of liveChildren) killChild(c, 'SIGKILL');
}

/**
 * Runs the CLI (`node dangjian.mjs …args`) to completion within `timeoutMs`.
 * Resolves { code, ms, cpuMs (approximate: last /proc reading before exit), stdout, stderr, timedOut }.
 */
export function runCli(args, { env = {}, timeoutMs = 120_000 } = {}) {
  return runNode([CLI, ...args], { env, timeoutMs });
}

/** Runs `node …args` to completion within `timeoutMs` (SIGKILL past it). */
export function runNode(args, { env = {}, timeoutMs = 120_000, cwd = REPO, echo = false } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...LOCAL_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    liveChildren.add(child);
    const cpu = trackCpu(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (echo) process.stderr.write(d);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killChild(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      stderr += String(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      resolve({ code, signal, ms: performance.now() - t0, cpuMs: cpu.stop(), stdout, stderr, timedOut });
    });
  });
}

/**
 * Starts `dangjian serve` on a DATA_DIR and port; its output goes to `logFile`. `tree` names another checkout
 * to serve (the comparison of two commits); by default this one.
 */
export function spawnServer({ dataDir, port, logFile, env = {}, nodeArgs = [], tree = null }) {
  const out = fs.openSync(logFile, 'a');
  const cli = tree ? path.join(tree, 'apps/server/bin/dangjian.mjs') : CLI;
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve'], {
    cwd: tree ?? REPO,
    // The server process itself (its memory and CPU are measured by pid), not the supervisor.
    env: {
      ...process.env,
      ...LOCAL_ENV,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DJ_SUPERVISE: 'off',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  liveChildren.add(child);
  child.on('close', () => liveChildren.delete(child));
  return child;
}

/** Polls GET /api/health until it answers 200; resolves the ms since `since` (a performance.now()). */
export async function waitHealthy(port, child, { since, timeoutMs = 30_000, intervalMs = 10 } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode != null || child.signalCode != null)
      throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy`);
    try {
      const res = await fetch(`http://${HOST}:${port}/api/health`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      /* not listening yet */
    }
    if (performance.now() > deadline) throw new Error(`/api/health not 200 within ${timeoutMs / 1000} s`);
    await sleep(intervalMs);
  }
}

/** Stops a server: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopServer(child, graceMs = 5000) {
  if (!child || child.exitCode != null || child.signalCode != null) return;
  const closed = new Promise((r) => child.once('close', r));
  killChild(child, 'SIGTERM');
  const t = setTimeout(() => killChild(child, 'SIGKILL'), graceMs);
  await withTimeout(closed, graceMs + 3000, 'server stop').catch(() => {});
  clearTimeout(t);
}

/** A tiny cookie-keeping client for the API on one port. */
export function apiClient(port) {
  const jar = new Map();
  const base = `http://${HOST}:${port}`;
  async function request(method, url, { json, body, headers = {}, timeoutMs = 30_000 } = {}) {
    const h = { ...headers };
    if (jar.size) h.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && jar.has('dj_csrf')) h['x-csrf-token'] = jar.get('dj_csrf');
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(base + url, { method, headers: h, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    for (const c of res.headers.getSetCookie?.() ?? []) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  }
  async function getJson(url) {
    const res = await request('GET', url);
    const data = await res.json();
    if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${JSON.stringify(data).slice(0, 200)}`);
    return data;
  }
  return {
    base,
    jar,
    request,
    getJson,
    cookieHeader: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    async login(username, password) {
      const res = await request('POST', '/api/auth/login', { json: { username, password } });
      const data = await res.json();
      if (res.status !== 200 || !jar.has('dj_session'))
        throw new Error(`login as ${username} → ${res.status} ${JSON.stringify(data).slice(0, 200)}`);
      return data.user;
    },
  };
}

/** Nearest-rank percentile of a sorted array. */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const round = (n, d = 1) => (n == null || Number.isNaN(n) ? null : Math.round(n * 10 ** d) / 10 ** d);

/** VmRSS / VmHWM of a process in MB (null when it is gone or /proc is missing). */
export function procMemoryMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Number(m[1]) / 1024 : null;
    };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: null, hwm: null };
  }
}

/** Samples VmRSS of `pid` every `everyMs`; stop() returns { maxRssMb, samples, hwmMb }. */
export function sampleRss(pid, everyMs = 100) {
  let max = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const { rss } = procMemoryMb(pid);
    if (rss != null) {
      samples++;
      if (rss > max) max = rss;
    }
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const { rss, hwm } = procMemoryMb(pid);
      if (rss != null && rss > max) max = rss;
      return { maxRssMb: round(max), samples, hwmMb: round(hwm) };
    },
  };
}

/**
 * CPU time (user + system, all threads) a live process has used, in ms (null when gone). Linux clock ticks of 10 ms.
 */
export function procCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from #3 (state) on
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime #14, stime #15
  } catch {
    return null;
  }
}

/** CPU ms of a process and its live descendants (`serve --workers N`: the primary idles while its workers warm). */
export function treeCpuMs(pid) {
  const own = procCpuMs(pid);
  if (own == null) return null;
  let children = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    // no such file: no children to count
  }
  return children.reduce((sum, c) => sum + (treeCpuMs(Number(c)) ?? 0), own);
}

/**
 * Waits until a process is idle (under `share` of one CPU over `windowMs`), at most `timeoutMs`; resolves the ms
 * waited. A server starts its daily jobs and warms its figures right after it listens: measuring a route meanwhile
 * measures them.
 */
export async function waitIdle(pid, { share = 0.1, windowMs = 1000, timeoutMs = 180_000 } = {}) {
  const t0 = performance.now();
  let last = treeCpuMs(pid);
  for (;;) {
    await sleep(windowMs);
    const now = treeCpuMs(pid);
    if (now == null || now - last < share * windowMs) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`server still busy after ${timeoutMs / 1000} s`);
    last = now;
  }
}

/** Follows a child's CPU time until it exits (polls /proc every `everyMs`); stop() returns the last reading in ms. */
export function trackCpu(pid, everyMs = 50) {
  let last = procCpuMs(pid);
  const timer = setInterval(() => {
    const v = procCpuMs(pid);
    if (v != null) last = v;
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const v = procCpuMs(pid);
      if (v != null) last = v;
      return last;
    },
  };
}

/** GETs the paths under load for a few seconds (16 connections, 8 s) and answers the latency percentiles. */
export async function loadPaths(port, cookie, title, paths, LOAD = { connections: 16, durationSeconds: 8 }) {
  const latencies = [];
  const statuses = {};
  const instance = autocannon({
    url: `http://${HOST}:${port}`,
    connections: LOAD.connections,
    duration: LOAD.durationSeconds,
    headers: { cookie, accept: 'application/json' },
    requests: paths.map((p) => ({ method: 'GET', path: p })),
  });
  instance.on('response', (_c, status, _b, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const r = await withTimeout(instance, (LOAD.durationSeconds + 20) * 1000, `load ${title}`);
  latencies.sort((a, b) => a - b);
  return {
    title,
    paths,
    requests: latencies.length,
    statuses,
    non2xx: r.non2xx,
    reqPerSec: round(latencies.length / LOAD.durationSeconds, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p95: round(percentile(latencies, 95), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(latencies.at(-1), 2),
    },
  };
}
