/**
 * Crash test: the real server under a write load is killed with SIGKILL, restarted on the same data,
 * and every write it acknowledged must still be there, with its audit record, the audit chain intact
 * and (on SQLite) the database file passing its integrity check.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { makeIdNumber, maskIdNumber } from '../../src/platform/idcard.js';
import { dialects, pgAdminQuery } from '../harness.js';
import { childEnv, type Server, Session, type Settings, startServer, stopServer } from '../serve-kit.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/dangjian.mjs');
const LOOPS = 6;
const LOAD_MS = 3_000;
/** The load stops by itself even if the kill never came. */
const LOAD_HARD_STOP_MS = 15_000;

/** Runs the command line without blocking the test worker; killed after `timeoutMs`. */
function cli(
  s: Settings,
  args: string[],
  timeoutMs = 150_000,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: childEnv(s), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout!.on('data', (d) => (stdout += d));
    p.stderr!.on('data', (d) => (stderr += d));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, timeoutMs);
    p.once('error', reject);
    p.once('close', (status) => {
      clearTimeout(timer);
      if (killed) stderr += `\n(killed after ${timeoutMs / 1000} s; the last output: ${stdout.slice(-600)})`;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs `fn` over `items` with at most `n` at a time. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

interface Acked {
  id: number;
  name: string;
  idNumber: string;
}

describe.each(dialects())('a server killed under write load on %s', (dialect) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-crash-'));
  const settings: Settings = { DATA_DIR: path.join(tmp, 'data') };
  const dbName = `dj_crash_${crypto.randomBytes(4).toString('hex')}`;
  const admin = dialect === 'postgres' ? inject('pgUrl') : '';
  const servers: Server[] = [];

  afterAll(async () => {
    for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
    if (dialect === 'postgres') await pgAdminQuery(`drop database if exists ${dbName} with (force)`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  let demoMs = 0;
  // The demo county gives the accounts (and a realistic database size); it is set-up, outside the test's time bound.
  beforeAll(async () => {
    const t = Date.now();
    if (dialect === 'postgres') {
      await pgAdminQuery(`create database ${dbName}`);
      settings.DATABASE_URL = admin.replace(/\/[^/]*$/, `/${dbName}`);
    }
    // The slow project runs its files side by side on the machine's two cores (the province demo among them): the
    // county demo on PostgreSQL took 149 s in one CI run and went past the old 150 s limit in the next.
    const demo = await cli(settings, ['demo'], 330_000);
    expect(demo.status, demo.stderr).toBe(0);
    demoMs = Date.now() - t;
  }, 360_000);

  it('keeps every acknowledged write, its audit record and an intact chain', { timeout: 90_000 }, async () => {
    const started = Date.now();
    const phases: string[] = [`(demo ${demoMs} ms)`];

    // ---- the load ----
    let t = Date.now();
    const first = await startServer(settings);
    servers.push(first);
    phases.push(`start ${Date.now() - t} ms`);
    const county = await Session.open(first.base, 'demo-county');
    const branches = (await county.send('GET', '/api/orgs?type=branch&pageSize=50')).json.items as {
      id: number;
      name: string;
    }[];
    expect(branches.length).toBeGreaterThanOrEqual(LOOPS);
    const targets = branches.slice(0, LOOPS);
    const acked: Acked[] = [];
    const lastAckedName: (string | null)[] = targets.map(() => null);
    const inFlightName: (string | null)[] = targets.map(() => null);
    let orgPatches = 0;
    const refused: string[] = [];
    const errorsBeforeKill: string[] = [];
    let killedAt = 0;
    let inFlight = 0;
    let inFlightAtKill = 0;
    let stop = false;
    let seq = 0;
    const loadStart = Date.now();

    const loop = async (i: number) => {
      const org = targets[i];
      while (!stop && Date.now() - loadStart < LOAD_HARD_STOP_MS) {
        const k = seq++;
        try {
          if (k % 4 === 3) {
            const name = `${org.name.slice(0, 20)}-改${k}`;
            inFlightName[i] = name;
            inFlight++;
            const r = await county.send('PATCH', `/api/orgs/${org.id}`, { name });
            inFlight--;
            if (r.status === 200) {
              lastAckedName[i] = name;
              orgPatches++;
            } else refused.push(`PATCH org ${org.id}: ${r.status} ${JSON.stringify(r.json)}`);
            inFlightName[i] = null;
          } else {
            const gender = k % 2 ? 'male' : 'female';
            const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(k / 500) * 86_400_000).toISOString().slice(0, 10);
            const idNumber = makeIdNumber('430521', birth, (k % 500) * 2, gender);
            const name = `压测${k}`;
            inFlight++;
            const r = await county.send('POST', '/api/members', {
              orgId: org.id,
              name,
              idNumber,
              gender,
              joinedAt: '2000-07-01',
              phone: `139${String(k).padStart(8, '0')}`,
            });
            inFlight--;
            if (r.status === 200 && r.json.name === name) acked.push({ id: r.json.id, name, idNumber });
            else refused.push(`POST member ${k}: ${r.status} ${JSON.stringify(r.json)}`);
          }
        } catch (err) {
          // The connection dies with the server; before the kill that would be a failure.
          if (!killedAt) errorsBeforeKill.push(String((err as Error).cause ?? err));
          return;
        }
      }
    };
    const loops = Promise.all(targets.map((_, i) => loop(i)));
    await new Promise((r) => setTimeout(r, LOAD_MS));
    // On a slow machine, let the load run a little longer until it has acknowledged a fair number of writes.
    while (acked.length < 30 && Date.now() - loadStart < 12_000) await new Promise((r) => setTimeout(r, 100));
    killedAt = Date.now();
    inFlightAtKill = inFlight;
    first.proc.kill('SIGKILL');
    const exit = await first.exited;
    stop = true;
    await loops;
    expect(exit.signal).toBe('SIGKILL');
    expect(errorsBeforeKill).toEqual([]);
    expect(refused).toEqual([]);
    // The kill landed mid-load: writes were acknowledged, and some were still in flight.
    expect(acked.length).toBeGreaterThanOrEqual(10);
    expect(orgPatches).toBeGreaterThanOrEqual(2);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    if (dialect === 'sqlite') {
      // The file as the kill left it (database plus write-ahead log) is consistent before any restart.
      const crashed = new SQLite(path.join(settings.DATA_DIR, 'dangjian.sqlite'), {
        readonly: true,
        fileMustExist: true,
      });
      try {
        expect(crashed.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        crashed.close();
      }
    }

    // ---- after the restart ----
    t = Date.now();
    const second = await startServer(settings);
    servers.push(second);
    phases.push(`restart ${Date.now() - t} ms`);
    expect(second.output()).not.toMatch(/loading the demo/);
    const again = await Session.open(second.base, 'demo-county');
    const missing: string[] = [];
    await pool(acked, 8, async (a) => {
      const r = await again.send('GET', `/api/members/${a.id}`);
      if (r.status !== 200 || r.json.name !== a.name || r.json.idNumber !== maskIdNumber(a.idNumber))
        missing.push(`${a.id} ${a.name}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
    });
    expect(missing).toEqual([]);
    for (const [i, org] of targets.entries()) {
      const r = await again.send('GET', `/api/orgs/${org.id}`);
      expect(r.status).toBe(200);
      // The last acknowledged name, or the one in flight at the kill if that commit made it.
      const allowed = [lastAckedName[i] ?? org.name, ...(inFlightName[i] ? [inFlightName[i]] : [])];
      expect(allowed, `org ${org.id}`).toContain(r.json.name);
    }
    // A write still on the wire when the server died may or may not have committed; one per loop at most.
    const listed = await again.send('GET', '/api/members?q=' + encodeURIComponent('压测') + '&pageSize=1');
    expect(listed.status).toBe(200);
    expect(listed.json.total).toBeGreaterThanOrEqual(acked.length);
    expect(listed.json.total).toBeLessThanOrEqual(acked.length + LOOPS);
    // The restarted server takes writes again.
    const after = await again.send('POST', '/api/members', {
      orgId: targets[0].id,
      name: '重启后',
      idNumber: makeIdNumber('430521', '1959-12-31', 1, 'male'),
      gender: 'male',
      joinedAt: '2000-07-01',
    });
    expect(after.status, JSON.stringify(after.json)).toBe(200);
    await stopServer(second);
    expect((await second.exited).code).toBe(0);

    // ---- the stored data ----
    type AuditRow = { entity_id: string };
    let creates: AuditRow[];
    let loadMembers: { id: number }[];
    if (dialect === 'sqlite') {
      const file = path.join(settings.DATA_DIR, 'dangjian.sqlite');
      const db = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        creates = db
          .prepare("select entity_id from audit_log where action = 'member.create' and success = 1")
          .all() as AuditRow[];
        loadMembers = db.prepare("select id from members where name like '压测%'").all() as { id: number }[];
      } finally {
        db.close();
      }
    } else {
      const c = new pg.Client({ connectionString: settings.DATABASE_URL });
      await c.connect();
      try {
        creates = (await c.query("select entity_id from audit_log where action = 'member.create' and success = 1"))
          .rows;
        loadMembers = (await c.query("select id from members where name like '压测%'")).rows;
      } finally {
        await c.end();
      }
    }
    const audited = new Set(creates.map((r) => Number(r.entity_id)));
    expect(acked.filter((a) => !audited.has(a.id)).map((a) => a.id)).toEqual([]);
    // Every member that exists, acknowledged or not, committed together with its audit record.
    expect(loadMembers.filter((m) => !audited.has(m.id)).map((m) => m.id)).toEqual([]);
    expect(loadMembers.length).toBe(listed.json.total);

    console.log(
      `[crash/${dialect}] ${acked.length} creates and ${orgPatches} org edits acknowledged, ` +
        `${inFlightAtKill} requests in flight at the kill, ${loadMembers.length} load members stored`,
    );
    t = Date.now();
    const verify = await cli(settings, ['audit', 'verify']);
    phases.push(`verify ${Date.now() - t} ms`);
    console.log(`[crash/${dialect}] phases: ${phases.join(', ')}; total ${Date.now() - started} ms`);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact: \d+ records/);
  });
});
