/** The real server (`dangjian serve`) in a child process for the tests that kill it or its database, and a session. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './pg-server.js';

const BIN = path.resolve(import.meta.dirname, '../bin/dangjian.mjs');
const PASSWORD = 'Dangjian@2026';

export interface Settings {
  DATA_DIR: string;
  DATABASE_URL?: string;
  DJ_SECRET_KEY?: string;
}

/** The environment of a child process: these settings only, no inherited database or key. */
export function childEnv(s: Settings, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // A small share of the demo's service records (the full county is the bench's): the core's records make the load.
  const env: NodeJS.ProcessEnv = { DJ_DEMO_RESIDENTS_SCALE: '0.02', ...process.env, LOG_LEVEL: 'silent', ...extra };
  delete env.DATABASE_URL;
  delete env.DJ_SECRET_KEY;
  return Object.assign(env, s);
}

/** A running `serve` process and its output so far. */
export interface Server {
  proc: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `serve` (without its supervisor) on a free port and waits (45 s by default) until /api/health answers. */
export async function startServer(s: Settings, readyMs = 45_000): Promise<Server> {
  const port = await freePort();
  const proc = spawn(process.execPath, [BIN, 'serve'], {
    // The server process itself, not its supervisor: this test kills it and restarts it by hand.
    env: childEnv(s, {
      PORT: String(port),
      HOST: '127.0.0.1',
      DJ_LOGIN_RATE_MAX: '1000',
      DJ_DEMO: 'off',
      DJ_SUPERVISE: 'off',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyMs;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`the server exited before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the server did not answer within ${readyMs / 1000} s:\n${out}`);
    }
    try {
      const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { proc, base, output: () => out, exited };
}

/** Stops a server with SIGTERM (SIGKILL after 15 s) and waits for its exit. */
export async function stopServer(s: Server) {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  s.proc.kill('SIGTERM');
  const t = setTimeout(() => s.proc.kill('SIGKILL'), 15_000);
  await s.exited;
  clearTimeout(t);
}

/** A signed-in HTTP session: the two cookies and the CSRF header on writes. */
export class Session {
  private constructor(
    private base: string,
    private cookie: string,
    private csrf: string,
  ) {}

  /** Signs in with the test password and keeps the two cookies. */
  static async open(base: string, username: string): Promise<Session> {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
    const jar: Record<string, string> = {};
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
    if (!jar.dj_session || !jar.dj_csrf) throw new Error(`login ${username}: cookies missing (${Object.keys(jar)})`);
    return new Session(base, `dj_session=${jar.dj_session}; dj_csrf=${jar.dj_csrf}`, decodeURIComponent(jar.dj_csrf));
  }

  /** Sends a request with the cookies (the CSRF header on writes); answers the status, body and Retry-After. */
  async send(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: any; retryAfter: string | null }> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await r.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, json, retryAfter: r.headers.get('retry-after') };
  }
}

/** Whether a process is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
