/**
 * `dangjian serve` comes back by itself: the server process under the supervisor is killed with
 * SIGKILL (as the kernel's out-of-memory killer would), and /api/health answers again from a new
 * process; SIGTERM to the supervisor then stops both cleanly.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dialects, pgAdminQuery } from '../harness.js';
import { freePort } from '../pg-server.js';
import { alive } from '../serve-kit.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/dangjian.mjs');

/** Waits until `check` is true, polling every 100 ms, up to `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<number> {
  const t = Date.now();
  while (!(await check())) {
    if (Date.now() - t > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t;
}

describe.each(dialects())('the supervisor of serve on %s', (dialect) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-sup-'));
  const admin = dialect === 'postgres' ? inject('pgUrl') : '';
  const dbName = `dj_sup_${crypto.randomBytes(4).toString('hex')}`;
  const pids: number[] = [];

  afterAll(async () => {
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (dialect === 'postgres') await pgAdminQuery(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('restarts the server killed with SIGKILL, and stops both on SIGTERM', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(tmp, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      DJ_DEMO: 'off',
      DJ_JOBS: 'false',
    };
    delete env.DATABASE_URL;
    delete env.DJ_SECRET_KEY;
    delete env.DJ_SUPERVISE;
    delete env.DJ_SUPERVISED;
    if (dialect === 'postgres') {
      await pgAdminQuery(`create database ${dbName}`);
      env.DATABASE_URL = admin.replace(/\/[^/]*$/, `/${dbName}`);
    }
    const sup = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    pids.push(sup.pid!);
    let out = '';
    sup.stdout!.on('data', (d) => (out += d));
    sup.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
      sup.once('exit', (code, signal) => r({ code, signal })),
    );
    const serverPids = () => [...out.matchAll(/server started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    const healthy = async () => {
      try {
        return (
          (await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1_000) })).status === 200
        );
      } catch {
        return false;
      }
    };

    await until(healthy, 60_000, `first start\n${out}`);
    const [first] = serverPids();
    expect(first, out).toBeGreaterThan(0);
    expect(first).not.toBe(sup.pid);
    pids.push(first);

    process.kill(first, 'SIGKILL');
    await until(() => !alive(first), 5_000, 'the kill');
    const back = await until(async () => serverPids().length === 2 && (await healthy()), 60_000, `the restart\n${out}`);
    const second = serverPids()[1];
    pids.push(second);
    expect(second).not.toBe(first);
    expect(alive(sup.pid!)).toBe(true);
    expect(out).toMatch(/the server exited \(SIGKILL\); starting it again/);
    console.log(
      `[${dialect}] after SIGKILL of pid ${first}, /api/health answered again in ${back} ms from pid ${second}`,
    );

    sup.kill('SIGTERM');
    const end = await exited;
    expect(end.code, out).toBe(0);
    await until(() => !alive(second), 10_000, 'the server stopping with its supervisor');
  });
});
