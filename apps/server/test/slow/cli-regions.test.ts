/**
 * `dangjian region add|place|list` and `user add --role region_admin --region`, as an operator runs them on SQLite:
 * the tree they build, the refusals (in Chinese and English) that change nothing, and the audit records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { runCli, seedCounty } from '../run-cli.js';

describe('the region commands on SQLite', { timeout: 300_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-cli-regions-'));
  const dataDir = path.join(tmp, 'data');
  const run = (...args: string[]) => runCli({ DATA_DIR: dataDir }, args);
  /** The rows of a query on the data folder's SQLite file (read-only, closed at once). */
  const rows = (query: string, ...params: unknown[]) => {
    const db = new SQLite(path.join(dataDir, 'dangjian.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(query).all(...params) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };
  let county: number;
  beforeAll(async () => {
    expect((await run('migrate')).status).toBe(0);
    county = await seedCounty({ DATA_DIR: dataDir }, []);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('adds a province and a prefecture in it, each with its path, and audits both', async () => {
    const p = await run('region', 'add', '--kind', 'province', '--name', '贵州省', '--code', '520000');
    expect(p.status, p.stderr).toBe(0);
    expect(p.stdout).toContain('520000');
    const m = await run(
      'region',
      'add',
      '--kind',
      'prefecture',
      '--name',
      '遵义市',
      '--code',
      '520300',
      '--parent',
      '520000',
    );
    expect(m.status, m.stderr).toBe(0);
    const [province, prefecture] = rows('select id, parent_id, kind, path, depth from regions order by code');
    expect(province).toMatchObject({ kind: 'province', parent_id: null, path: `/${province!.id}/`, depth: 0 });
    expect(prefecture).toMatchObject({ kind: 'prefecture', parent_id: province!.id, depth: 1 });
    expect(prefecture!.path).toBe(`/${province!.id}/${prefecture!.id}/`);
    expect(rows("select detail from audit_log where action = 'region.create'")).toHaveLength(2);
  });

  it('refuses a duplicate code, an unknown or wrong parent, a province with a parent, a bad kind or code', async () => {
    const cases: [string[], RegExp][] = [
      [['--kind', 'province', '--name', '重复省', '--code', '520000'], /已存在.*already exists/],
      [['--kind', 'prefecture', '--name', '某市', '--code', '529900', '--parent', '990000'], /未知的区划代码 990000/],
      [['--kind', 'prefecture', '--name', '某市', '--code', '529900', '--parent', '520300'], /不是省.*not one/],
      [['--kind', 'prefecture', '--name', '某市', '--code', '529900'], /须指定所属省.*needs --parent/],
      [['--kind', 'province', '--name', '某省', '--code', '530000', '--parent', '520000'], /省不能有上级/],
      [['--kind', 'county', '--name', '某县', '--code', '520321'], /province 或 prefecture.*must be/],
      [['--kind', 'province', '--name', '某省', '--code', '53'], /六位区划代码.*six-digit/],
    ];
    for (const [args, message] of cases) {
      const r = await run('region', 'add', ...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(rows('select id from regions')).toHaveLength(2);
  });

  it('places a county in a prefecture by name or id, refuses a province and an unknown county, moves it', async () => {
    const toProvince = await run('region', 'place', '--county', '测试县委', '--region', '520000');
    expect(toProvince.status).toBe(1);
    expect(toProvince.stderr).toMatch(/县只能放在市（州）下.*placed in a prefecture/);
    const unknown = await run('region', 'place', '--county', '没有这个县', '--region', '520300');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/没有名为或编号为 没有这个县 的县.*no county/);
    expect(rows('select * from county_regions')).toHaveLength(0);

    const byName = await run('region', 'place', '--county', '测试县委', '--region', '520300');
    expect(byName.status, byName.stderr).toBe(0);
    const [zunyi] = rows("select id, path from regions where code = '520300'");
    expect(rows('select tenant_id, region_id, region_path from county_regions')).toEqual([
      { tenant_id: county, region_id: zunyi!.id, region_path: zunyi!.path },
    ]);
    await run('region', 'add', '--kind', 'prefecture', '--name', '安顺市', '--code', '520400', '--parent', '520000');
    const byId = await run('region', 'place', '--county', String(county), '--region', '520400');
    expect(byId.status, byId.stderr).toBe(0);
    expect(rows('select region_path from county_regions')).toEqual([
      { region_path: rows("select path from regions where code = '520400'")[0]!.path },
    ]);
    const audits = rows("select tenant_id, changes from audit_log where action = 'region.place' order by id");
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ tenant_id: county });
    expect(String(audits[1]!.changes)).toContain('520300');
  });

  it('lists the tree with its counties', async () => {
    const r = await run('region', 'list');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /5[0-9]{5}|县 /.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([
      '520000 省 贵州省',
      '520300 市（州） 遵义市',
      '520400 市（州） 安顺市',
      '县 测试县委 (id',
    ]);
  });

  it('adds a region account with no county or organization, and refuses a wrong one', async () => {
    const pw = 'Region@2026x';
    const ok = await run(
      'user',
      'add',
      'gz-province',
      '--role',
      'region_admin',
      '--region',
      '520000',
      '--password',
      pw,
    );
    expect(ok.status, ok.stderr).toBe(0);
    const [user] = rows(
      "select tenant_id, org_id, member_id, role, region_id, region_path from users where username = 'gz-province'",
    );
    const [province] = rows("select id, path from regions where code = '520000'");
    expect(user).toEqual({
      tenant_id: null,
      org_id: null,
      member_id: null,
      role: 'region_admin',
      region_id: province!.id,
      region_path: province!.path,
    });
    expect(rows("select id from audit_log where action = 'user.create' and detail like '%520000%'")).toHaveLength(1);
    const again = await run(
      'user',
      'add',
      'gz-province',
      '--role',
      'region_admin',
      '--region',
      '520000',
      '--password',
      pw,
    );
    expect(again.stderr).toMatch(/已存在.*already exists/);
    const unknown = await run('user', 'add', 'gz-x', '--role', 'region_admin', '--region', '999999', '--password', pw);
    expect(unknown.stderr).toMatch(/未知的区划代码 999999.*unknown region code/);
    const noRegion = await run('user', 'add', 'gz-y', '--role', 'region_admin', '--password', pw);
    expect(noRegion.stderr).toMatch(/缺少 --region/);
    const withOrg = await run(
      'user',
      'add',
      'gz-z',
      '--role',
      'region_admin',
      '--region',
      '520000',
      '--org',
      String(county),
      '--password',
      pw,
    );
    expect(withOrg.stderr).toMatch(/不属于任何组织/);
    const countyRole = await run(
      'user',
      'add',
      'gz-w',
      '--role',
      'county_admin',
      '--region',
      '520000',
      '--password',
      pw,
    );
    expect(countyRole.stderr).toMatch(/只用于省市管理员/);
    expect(rows("select id from users where username like 'gz-%'")).toHaveLength(1);
  });
});
