/**
 * The command line end to end, as an operator runs it: on SQLite with a temporary DATA_DIR
 * (migrate, demo, export, import, backup/restore, user add/unlock, usage). PostgreSQL's backup and restore through
 * pg_dump/pg_restore are in cli-postgres.test.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '../../src/areas/core/members/members.rules.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { makeIdNumber } from '../../src/platform/idcard.js';
import { loadVault, verifyPassword } from '../../src/platform/crypto.js';

import { runCli, type CliResult } from '../run-cli.js';
import { rosterXlsx } from '../platform/imports-kit.js';
const WHOLE_ID = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/;
const WHOLE_PHONE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/;

/** Runs the command line with the given settings (DATABASE_URL only when asked). */
function cli(
  settings: { DATA_DIR: string; DATABASE_URL?: string; DJ_SECRET_KEY?: string; PATH?: string },
  ...args: string[]
): Promise<CliResult> {
  return runCli(settings, args);
}

/** Reads one number from the SQLite file of a data folder (read-only, closed at once). */
function scalar(dataDir: string, query: string, ...params: unknown[]): number {
  const db = new SQLite(path.join(dataDir, 'dangjian.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return Number(Object.values(db.prepare(query).get(...params) as Record<string, unknown>)[0]);
  } finally {
    db.close();
  }
}

/** An Excel roster with the template's headers, written to a file. */
async function roster(file: string, rows: Record<string, string | number>[]) {
  fs.writeFileSync(file, await rosterXlsx(rows));
}

describe('the command line on SQLite', { timeout: 120_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-cli-'));
  const dataDir = path.join(tmp, 'data');
  const run = (...args: string[]) => cli({ DATA_DIR: dataDir }, ...args);
  let township: number;
  let branch: number;
  const imported: { name: string; idNumber: string }[] = [];
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('migrate creates the schema, and a second run has nothing to do', async () => {
    const first = await run('migrate');
    expect(first.status, first.stderr).toBe(0);
    for (const m of MIGRATIONS) expect(first.stdout).toContain(`migrating ${m.name}`);
    expect(first.stdout).toContain(`applied ${MIGRATIONS.length} migrations`);
    expect(fs.existsSync(path.join(dataDir, 'dangjian.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
    const second = await run('migrate');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('the database is up to date');
    expect(second.stdout).not.toContain('migrating');
    expect(scalar(dataDir, 'select count(*) from schema_migrations')).toBe(MIGRATIONS.length);
  });

  it('demo loads a county of ~800 orgs and ~20,000 members, and refuses a second load', async () => {
    const r = await run('demo');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/demo loaded in/);
    const orgs = scalar(dataDir, 'select count(*) from orgs');
    const members = scalar(dataDir, 'select count(*) from members');
    expect(orgs).toBeGreaterThanOrEqual(700);
    expect(orgs).toBeLessThanOrEqual(900);
    expect(members).toBeGreaterThanOrEqual(19_000);
    expect(members).toBeLessThanOrEqual(21_000);
    expect(scalar(dataDir, "select count(*) from users where username like 'demo-%'")).toBe(8);
    const again = await run('demo');
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already has organizations/);
    expect(scalar(dataDir, 'select count(*) from orgs')).toBe(orgs);
    expect(scalar(dataDir, 'select count(*) from members')).toBe(members);
    township = scalar(dataDir, "select org_id from users where username = 'demo-township'");
    expect(scalar(dataDir, 'select depth from orgs where id = ?', township)).toBe(1);
    branch = scalar(
      dataDir,
      "select o.id from orgs o where o.parent_id = ? and o.type = 'branch' and o.deleted_at is null " +
        'order by o.id limit 1',
      township,
    );
    expect(branch).toBeGreaterThan(0);
  });

  it('export members --org writes only the township, every number masked', async () => {
    const townPath = (() => {
      const db = new SQLite(path.join(dataDir, 'dangjian.sqlite'), { readonly: true });
      const p = (db.prepare('select org_path from orgs where id = ?').get(township) as { org_path: string }).org_path;
      db.close();
      return p;
    })();
    const expected = scalar(
      dataDir,
      'select count(*) from members where deleted_at is null and org_path >= ? and org_path < ?',
      townPath,
      townPath.slice(0, -1) + '0',
    );
    const total = scalar(dataDir, 'select count(*) from members');
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(total);
    const out = path.join(tmp, 'out.xlsx');
    const r = await run('export', 'members', out, '--org', String(township));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`exported ${expected} members`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(ROSTER_COLUMNS.map((c) => c.header));
    const col = (key: string) => ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;
    const inTown = new Set(
      (() => {
        const db = new SQLite(path.join(dataDir, 'dangjian.sqlite'), { readonly: true });
        const ids = (
          db
            .prepare('select id from orgs where org_path >= ? and org_path < ?')
            .all(townPath, townPath.slice(0, -1) + '0') as { id: number }[]
        ).map((o) => o.id);
        db.close();
        return ids;
      })(),
    );
    let rows = 0;
    let phones = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows++;
      const text = JSON.stringify(row.values);
      expect(text, `row ${n}`).not.toMatch(WHOLE_ID);
      expect(text, `row ${n}`).not.toMatch(WHOLE_PHONE);
      expect(String(row.getCell(col('idNumber')).value), `row ${n}`).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      const phone = String(row.getCell(col('phone')).value ?? '');
      if (phone) phones++;
      expect(phone, `row ${n}`).toMatch(/^$|^1\d{2}\*{4}\d{4}$/);
      expect(inTown.has(Number(row.getCell(col('orgId')).value)), `row ${n} org`).toBe(true);
    });
    expect(rows).toBe(expected);
    expect(phones).toBeGreaterThan(0);
    expect(scalar(dataDir, "select count(*) from audit_log where action = 'member.export'")).toBe(1);
  });

  it('import members refuses a file with one bad row, naming the row, and imports nothing', async () => {
    const people = [
      { name: '导入甲', gender: 'male' as const, birth: '1981-02-03' },
      { name: '导入乙', gender: 'female' as const, birth: '1982-03-04' },
      { name: '导入丙', gender: 'male' as const, birth: '1983-04-05' },
      { name: '导入丁', gender: 'female' as const, birth: '1984-05-06' },
    ];
    people.forEach((p, i) =>
      imported.push({ name: p.name, idNumber: makeIdNumber('430521', p.birth, 100 + i * 2, p.gender) }),
    );
    const rows = people.map((p, i) => ({
      name: p.name,
      gender: p.gender === 'male' ? '男' : '女',
      idNumber: imported[i].idNumber,
      orgId: branch,
      joinedAt: '2015-07-01',
      phone: `1360000${String(1000 + i)}`,
    }));
    const good = imported[2].idNumber;
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const bad = path.join(tmp, 'bad.xlsx');
    await roster(
      bad,
      rows.map((r, i) => (i === 2 ? { ...r, idNumber: badCheck } : r)),
    );
    const members = scalar(dataDir, 'select count(*) from members');
    const audits = scalar(dataDir, 'select count(*) from audit_log');
    const r = await run('import', 'members', bad);
    expect(r.status).not.toBe(0);
    // The sheet's row 4 (header is row 1) holds the third person.
    expect(r.stderr).toMatch(/row 4 \(idNumber\): .*\[members\.invalid_id_number\]/);
    expect(r.stderr).not.toMatch(/row [235]\b/);
    expect(r.stderr).toMatch(/1 errors in 4 rows; nothing imported/);
    expect(scalar(dataDir, 'select count(*) from members')).toBe(members);
    expect(scalar(dataDir, 'select count(*) from audit_log')).toBe(audits);

    const goodFile = path.join(tmp, 'good.xlsx');
    await roster(goodFile, rows);
    const dry = await run('import', 'members', goodFile, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('4 rows valid (dry run, nothing imported)');
    expect(scalar(dataDir, 'select count(*) from members')).toBe(members);
    const ok = await run('import', 'members', goodFile);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('imported 4 members');
    expect(scalar(dataDir, 'select count(*) from members')).toBe(members + 4);
    for (const p of people)
      expect(
        scalar(
          dataDir,
          'select count(*) from members where name = ? and org_id = ? and deleted_at is null',
          p.name,
          branch,
        ),
      ).toBe(1);
    expect(
      scalar(dataDir, "select count(*) from audit_log where action = 'member.create' and detail like 'import row %'"),
    ).toBe(4);
    // The same file again: every row is now a duplicate.
    const twice = await run('import', 'members', goodFile);
    expect(twice.status).not.toBe(0);
    expect(twice.stderr).toMatch(/members\.id_number_taken/);
    expect(scalar(dataDir, 'select count(*) from members')).toBe(members + 4);
  });

  it('user add refuses a weak password and creates an account with a good one; user unlock clears a lock', async () => {
    /** `user add` of an account in the township (`more` options go before the password). */
    const userAdd = (username: string, role: string, password: string, ...more: string[]) =>
      run('user', 'add', username, '--role', role, '--org', String(township), ...more, '--password', password);
    const weak = await userAdd('op-town', 'township_admin', '12345678');
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toContain('[auth.weak_password]');
    expect(scalar(dataDir, "select count(*) from users where username = 'op-town'")).toBe(0);
    const good = await userAdd('op-town', 'township_admin', 'Strong#Pass9', '--name', '乡镇操作员');
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/user op-town created \(id \d+\)/);
    const db = new SQLite(path.join(dataDir, 'dangjian.sqlite'), { readonly: true });
    const user = db.prepare("select * from users where username = 'op-town'").get() as {
      role: string;
      org_id: number;
      display_name: string;
      password_hash: string;
      status: string;
    };
    db.close();
    expect(user).toMatchObject({
      role: 'township_admin',
      org_id: township,
      display_name: '乡镇操作员',
      status: 'active',
    });
    expect(user.password_hash).not.toContain('Strong#Pass9');
    expect(await verifyPassword('Strong#Pass9', user.password_hash)).toBe(true);
    const dup = await userAdd('op-town', 'township_admin', 'Strong#Pass9');
    expect(dup.status).not.toBe(0);
    expect(dup.stderr).toMatch(/already exists/);
    const badRole = await userAdd('op-x', 'emperor', 'Strong#Pass9');
    expect(badRole.status).not.toBe(0);
    expect(badRole.stderr).toMatch(/--role must be one of/);

    // Five failed sign-ins lock the account; the operator lifts the lock.
    const w = new SQLite(path.join(dataDir, 'dangjian.sqlite'));
    w.prepare(
      'insert into login_attempts (username, failed_count, locked_until, last_failed_at) values (?, ?, ?, ?)',
    ).run('op-town', 5, new Date(Date.now() + 3_600_000).toISOString(), new Date().toISOString());
    w.close();
    const unlock = await run('user', 'unlock', 'op-town');
    expect(unlock.status, unlock.stderr).toBe(0);
    expect(unlock.stdout).toContain('op-town unlocked');
    expect(scalar(dataDir, "select count(*) from login_attempts where username = 'op-town'")).toBe(0);
    expect(scalar(dataDir, "select count(*) from audit_log where action = 'user.unlock'")).toBe(1);
    const nobody = await run('user', 'unlock', 'no-such-user');
    expect(nobody.status).not.toBe(0);
    expect(nobody.stderr).toMatch(/no user no-such-user/);
    // An account the operator creates is ready to use; a reset password must be replaced at the next sign-in.
    expect(scalar(dataDir, "select must_change_password from users where username = 'op-town'")).toBe(0);
    const reset = await run('user', 'reset-password', 'op-town', '--password', 'Other#Pass9');
    expect(reset.status, reset.stderr).toBe(0);
    expect(scalar(dataDir, "select must_change_password from users where username = 'op-town'")).toBe(1);
    expect(
      scalar(dataDir, "select count(*) from users where username like 'demo-%' and must_change_password = 1"),
    ).toBe(0);
  });

  it('backup then restore into another DATA_DIR gives the same records and an intact chain', async () => {
    const file = path.join(tmp, 'backup.sqlite');
    const b = await run('backup', file);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toContain(`backup written to ${file}`);
    const other = path.join(tmp, 'restored');
    fs.mkdirSync(other);
    fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(other, 'secret.key'));
    const r = await cli({ DATA_DIR: other }, 'restore', file);
    expect(r.status, r.stderr).toBe(0);
    const audits = scalar(dataDir, 'select count(*) from audit_log');
    expect(r.stdout).toContain(`audit chain intact (${audits} records)`);
    for (const t of ['members', 'orgs', 'users', 'audit_log'])
      expect(scalar(other, `select count(*) from ${t}`), t).toBe(scalar(dataDir, `select count(*) from ${t}`));
    const v = await cli({ DATA_DIR: other }, 'audit', 'verify');
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toContain(`audit chain intact: ${audits} records`);
    // The copied key reads the restored personal numbers.
    const vault = loadVault({ dataDir: other, secretKey: null });
    const db = new SQLite(path.join(other, 'dangjian.sqlite'), { readonly: true });
    const row = db.prepare('select id_number_enc from members where name = ?').get(imported[0].name) as {
      id_number_enc: string;
    };
    db.close();
    expect(vault.decrypt(row.id_number_enc)).toBe(imported[0].idNumber);

    const junk = path.join(tmp, 'junk.sqlite');
    fs.writeFileSync(junk, crypto.randomBytes(8192));
    const bad = await cli({ DATA_DIR: path.join(tmp, 'never') }, 'restore', junk);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/^error: /m);
    expect(fs.existsSync(path.join(tmp, 'never', 'dangjian.sqlite'))).toBe(false);
  });

  it('a command that cannot get the write lock says so in Chinese first, and changes nothing', async () => {
    // Another process (a server, a load) holds SQLite's write lock past the 10 s a connection waits for it.
    const holder = new SQLite(path.join(dataDir, 'dangjian.sqlite'));
    const before = scalar(dataDir, "select count(*) from users where username = 'op-lock'");
    try {
      holder.exec('begin immediate');
      const r = await run(
        'user',
        'add',
        'op-lock',
        '--role',
        'township_admin',
        '--org',
        String(township),
        '--password',
        'Strong#Pass9',
      );
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('错误：数据库正由另一个进程写入');
      expect(r.stderr).toContain('the database is locked by another process');
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    expect(scalar(dataDir, "select count(*) from users where username = 'op-lock'")).toBe(before);
  });

  it('an unknown command exits non-zero with the usage', async () => {
    const r = await run('frobnicate');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain('dangjian <command>');
    expect(r.stderr).toContain('audit verify');
    const sub = await run('audit', 'nonsense');
    expect(sub.status).not.toBe(0);
    expect(sub.stderr).toContain('audit verify');
  });
});
