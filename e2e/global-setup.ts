/**
 * Starts the platform for the browser tests: builds the web app when it is missing or older than its
 * sources, loads the demo county into a fresh DATA_DIR, serves it on a free port and stops it at the end.
 * Set E2E_BASE_URL to test a server that is already running instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const REPO = path.resolve(import.meta.dirname, '..');
const CLI = path.join(REPO, 'apps/server/bin/dangjian.mjs');
const WEB = path.join(REPO, 'apps/web');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's DATA_DIR (the outbox sender's `outbox.log` with residents' codes); '' when unknown. */
    dataDir: string;
  }
}

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds apps/web/dist when it is missing or stale. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB, 'dist/index.html');
  const sources = Math.max(
    newest(path.join(WEB, 'src')),
    newest(path.join(REPO, 'packages/contracts/src')),
    fs.statSync(path.join(WEB, 'index.html')).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: WEB, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (r.status !== 0) throw new Error('vite build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, log: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode != null)
      throw new Error(`server exited with ${child.exitCode}; log:\n${fs.readFileSync(log, 'utf8').slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline)
      throw new Error(
        `server not healthy within ${timeoutMs / 1000}s; log:\n${fs.readFileSync(log, 'utf8').slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the server on the demo county for all test files; answers the teardown. */
export default async function setup(project: TestProject) {
  fs.mkdirSync(path.join(REPO, 'test-artifacts/screenshots'), { recursive: true });
  if (process.env.E2E_BASE_URL) {
    project.provide('baseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    project.provide('dataDir', process.env.E2E_DATA_DIR ?? '');
    return;
  }
  ensureWebBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-e2e-'));
  const log = path.join(REPO, 'test-artifacts/e2e-server.log');
  // A small service history (2% of the county's requests and households) keeps the demo load quick.
  const env = {
    DJ_DEMO_RESIDENTS_SCALE: '0.02',
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  };
  const demo = spawnSync(process.execPath, [CLI, 'demo'], { cwd: REPO, env, encoding: 'utf8', timeout: 180_000 });
  if (demo.status !== 0) throw new Error(`demo load failed (${demo.status}):\n${demo.stdout}\n${demo.stderr}`);
  const port = await freePort();
  const out = fs.openSync(log, 'w');
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DJ_LOGIN_RATE_MAX: '1000' },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, log);
  project.provide('baseUrl', url);
  project.provide('dataDir', dataDir);
  return async () => {
    if (child.exitCode == null) {
      const closed = new Promise((r) => child.once('close', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await closed;
      clearTimeout(t);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
