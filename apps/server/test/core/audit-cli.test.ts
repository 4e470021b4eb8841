/** The `audit verify` command on an intact and on a tampered SQLite chain. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { testIdNumber } from '../harness.js';
import { runCli, seedCounty, type CliResult } from '../run-cli.js';

/** Runs the command line on a data folder (SQLite), the way an operator would. */
function cli(dataDir: string, ...args: string[]): Promise<CliResult> {
  return runCli({ DATA_DIR: dataDir }, args);
}

describe('audit verify on the command line (SQLite)', { timeout: 60_000 }, () => {
  let dataDir: string;
  let rows: number;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-audit-cli-'));
    const m = await cli(dataDir, 'migrate');
    expect(m.status, m.stderr).toBe(0);
    // A few records written by the application itself, with the data folder's own key.
    const county = await seedCounty({ DATA_DIR: dataDir }, [
      { name: '张三', idNumber: testIdNumber('male'), gender: 'male', joinedAt: '2010-07-01', phone: '13900001234' },
      { name: '李四', idNumber: testIdNumber('female'), gender: 'female', joinedAt: '2011-07-01' },
    ]);
    for (const u of ['op-one', 'op-two', 'op-three']) {
      const r = await cli(
        dataDir,
        'user',
        'add',
        u,
        '--role',
        'county_admin',
        '--org',
        String(county),
        '--password',
        'Strong#Pass9',
      );
      expect(r.status, r.stderr).toBe(0);
    }
    const db = new SQLite(path.join(dataDir, 'dangjian.sqlite'), { readonly: true });
    rows = (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    db.close();
    expect(rows).toBe(7);
  }, 180_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 on an intact chain', async () => {
    const r = await cli(dataDir, 'audit', 'verify');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`audit chain intact: ${rows} records`);
  });

  it('exits non-zero naming the first broken record after tampering', async () => {
    const db = new SQLite(path.join(dataDir, 'dangjian.sqlite'));
    expect(() => db.prepare("update audit_log set detail = 'x' where id = 3").run()).toThrow(/append-only/);
    db.exec('drop trigger audit_log_no_update');
    expect(db.prepare("update audit_log set detail = 'cli: nothing to see' where id = 3").run().changes).toBe(1);
    db.close();
    const r = await cli(dataDir, 'audit', 'verify');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/BROKEN at record 3\b/);
    expect(r.stderr).toMatch(/content/);
    expect(r.stdout).not.toContain('intact');
  });
});
