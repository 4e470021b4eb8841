/** The command line's backup and restore on PostgreSQL, through pg_dump and pg_restore, as an operator runs them. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { makeIdNumber } from '../../src/platform/idcard.js';
import { loadVault } from '../../src/platform/crypto.js';
import { pgAdminQuery } from '../harness.js';
import { runCli, seedCounty } from '../run-cli.js';

/** The newest PostgreSQL client tools folder, or null. */
function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  for (const v of fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))) {
    const dir = path.join(base, v, 'bin');
    if (fs.existsSync(path.join(dir, 'pg_dump')) && fs.existsSync(path.join(dir, 'pg_restore'))) return dir;
  }
  return null;
}

describe('backup and restore on PostgreSQL', { timeout: 120_000 }, () => {
  const admin = inject('pgUrl');
  const bin = pgBinDir();
  const reason = !admin
    ? 'no PostgreSQL server was started for this run'
    : !bin
      ? 'pg_dump/pg_restore not found under /usr/lib/postgresql/*/bin'
      : '';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-cli-pg-'));
  const names = [`dj_cli_${crypto.randomBytes(4).toString('hex')}`, `dj_cli_${crypto.randomBytes(4).toString('hex')}`];
  const url = (db: string) => admin.replace(/\/[^/]*$/, `/${db}`);
  const key = crypto.randomBytes(32).toString('hex');
  const settings = (db: string) => ({
    DATA_DIR: tmp,
    DATABASE_URL: url(db),
    DJ_SECRET_KEY: key,
    PATH: `${bin}:${process.env.PATH}`,
  });
  async function count(db: string, table: string) {
    const c = new pg.Client({ connectionString: url(db) });
    await c.connect();
    try {
      return Number((await c.query(`select count(*) as n from ${table}`)).rows[0].n);
    } finally {
      await c.end();
    }
  }
  beforeAll(async () => {
    if (reason) return;
    for (const n of names) await pgAdminQuery(`create database ${n}`);
  });
  afterAll(async () => {
    if (!reason) for (const n of names) await pgAdminQuery(`drop database if exists ${n} with (force)`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('pg_dump backup restores with pg_restore into an empty database: same rows, intact chain', async (t) => {
    if (reason) t.skip(reason);
    const [src, dst] = names;
    const m = await runCli(settings(src), ['migrate']);
    expect(m.status, m.stderr).toBe(0);
    // A small county written by the services (audited), with the same key the command line uses.
    const idNumber = makeIdNumber('430521', '1979-09-09', 321, 'male');
    await seedCounty(
      { DATA_DIR: tmp, DATABASE_URL: url(src), DJ_SECRET_KEY: key },
      Array.from({ length: 5 }, (_, i) => ({
        name: `党员${i}`,
        idNumber: i === 0 ? idNumber : makeIdNumber('430521', '1979-09-10', 400 + i * 2, 'female'),
        gender: i === 0 ? ('male' as const) : ('female' as const),
        joinedAt: '2010-07-01',
      })),
    );

    const file = path.join(tmp, 'pg.dump');
    const b = await runCli(settings(src), ['backup', file]);
    expect(b.status, b.stderr).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const r = await runCli(settings(dst), ['restore', file]);
    expect(r.status, r.stderr).toBe(0);
    const audits = await count(src, 'audit_log');
    expect(audits).toBe(7);
    expect(r.stdout).toContain(`audit chain intact (${audits} records)`);
    for (const t of ['members', 'orgs', 'audit_log', 'audit_head', 'schema_migrations'])
      expect(await count(dst, t), t).toBe(await count(src, t));
    const v = await runCli(settings(dst), ['audit', 'verify']);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toContain(`audit chain intact: ${audits} records`);
    // The restored copy keeps the append-only trigger and decrypts with the same key.
    const c = new pg.Client({ connectionString: url(dst) });
    await c.connect();
    try {
      await expect(c.query('delete from audit_log where id = 1')).rejects.toThrow(/append-only/);
      const enc = (await c.query("select id_number_enc from members where name = '党员0'")).rows[0]
        .id_number_enc as string;
      expect(loadVault({ dataDir: tmp, secretKey: key }).decrypt(enc)).toBe(idNumber);
    } finally {
      await c.end();
    }
  });
});
