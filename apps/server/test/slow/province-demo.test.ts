/**
 * The province demo on PostgreSQL (`demo --scale province`, here with three counties: the third's roster written
 * while the second's meetings and service records are, in their stage threads): regions, accounts, counties of the
 * province's size written with COPY, every index back after the load, sequences past the loaded ids, and the
 * counties still apart from each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { hashPassword } from '../../src/platform/crypto.js';
import { loadProvince, type ProvinceCounty } from '../../src/demo/provinceLoad.js';
import { createEnv, insertUser, login, PASSWORD, testIdNumber, type TestEnv } from '../harness.js';
import { runCli } from '../run-cli.js';

const indexes = async (env: TestEnv) =>
  (
    await sql<{ d: string }>`select indexdef as d from pg_indexes where schemaname = current_schema()`.execute(
      env.ctx.db,
    )
  ).rows
    .map((r) => r.d)
    .sort();

describe('the province demo on PostgreSQL', { timeout: 600_000 }, () => {
  let env: TestEnv;
  let loaded: ProvinceCounty[];
  let fresh: string[];
  const log: string[] = [];
  beforeAll(async () => {
    env = await createEnv('postgres');
    fresh = await indexes(env);
    // A fifth of the province's tenth of the service records keeps the test quick; the shapes are the same.
    const before = process.env.DJ_DEMO_RESIDENTS_SCALE;
    process.env.DJ_DEMO_RESIDENTS_SCALE = '0.2';
    try {
      loaded = await loadProvince(env.ctx, { counties: 3, log: (l) => log.push(l) });
    } finally {
      if (before === undefined) delete process.env.DJ_DEMO_RESIDENTS_SCALE;
      else process.env.DJ_DEMO_RESIDENTS_SCALE = before;
    }
  }, 600_000);
  afterAll(async () => {
    // The stage lines, for whoever reads the run (the load's time per stage).
    console.log(log.filter((l) => /完成 done|organizations，/.test(l)).join('\n'));
    await env?.close();
  });

  const count = async (table: 'orgs' | 'members', tenant: number) =>
    Number(
      (
        await env.ctx.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .where('tenant_id', '=', tenant)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('puts the counties under the province and its first prefecture, with the two region accounts', async () => {
    const regions = await env.ctx.db.selectFrom('regions').selectAll().orderBy('id').execute();
    expect(regions.map((r) => [r.kind, r.name, r.code])).toEqual([
      ['province', '示范省', '520000'],
      ['prefecture', '示范市', '520100'],
    ]);
    const [province, prefecture] = regions;
    expect(prefecture.path).toBe(`${province.path}${prefecture.id}/`);
    const placed = await env.ctx.db.selectFrom('county_regions').selectAll().orderBy('sort_order').execute();
    expect(placed.map((p) => [p.tenant_id, p.region_id, p.region_path])).toEqual(
      loaded.map((c) => [c.tenantId, prefecture.id, prefecture.path]),
    );
    const accounts = await env.ctx.db
      .selectFrom('users')
      .select(['username', 'role', 'tenant_id', 'org_id', 'member_id', 'region_id', 'region_path'])
      .where('username', 'in', ['demo-province', 'demo-prefecture'])
      .orderBy('username', 'desc')
      .execute();
    expect(accounts).toEqual([
      { ...noOrg, username: 'demo-province', region_id: province.id, region_path: province.path },
      { ...noOrg, username: 'demo-prefecture', region_id: prefecture.id, region_path: prefecture.path },
    ]);
    expect(log.join('\n')).toMatch(/其他模块仅第一个县 other modules: the first county only/);
  });
  const noOrg = { role: 'region_admin', tenant_id: null, org_id: null, member_id: null };

  it('writes counties of the province size, each its own tenant', async () => {
    expect(loaded.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(new Set(loaded.map((c) => c.tenantId)).size).toBe(3);
    for (const c of loaded) {
      expect(await count('orgs', c.tenantId)).toBeGreaterThanOrEqual(1_900);
      expect(await count('orgs', c.tenantId)).toBeLessThanOrEqual(2_100);
      expect(await count('members', c.tenantId)).toBeGreaterThanOrEqual(38_000);
      expect(await count('members', c.tenantId)).toBeLessThanOrEqual(42_000);
      const root = await env.ctx.db
        .selectFrom('orgs')
        .select(['id', 'org_path', 'parent_id'])
        .where('id', '=', c.tenantId)
        .executeTakeFirstOrThrow();
      expect(root).toEqual({ id: c.tenantId, org_path: `/${c.tenantId}/`, parent_id: null });
      // Every member's path is its organization's path.
      const astray = await sql<{ n: number }>`select count(*) as n from members m join orgs o on o.id = m.org_id
        where m.tenant_id = ${c.tenantId} and (m.org_path <> o.org_path or o.tenant_id <> m.tenant_id)`.execute(
        env.ctx.db,
      );
      expect(astray.rows[0].n).toBe(0);
    }
  });

  it('builds the rollups with the load: the province account reads every member at once', async () => {
    const states = await env.ctx.db.selectFrom('rollup_state').select('tenant_id').orderBy('tenant_id').execute();
    expect(states.map((s) => s.tenant_id)).toEqual(loaded.map((c) => c.tenantId).sort((a, b) => a - b));
    const province = await login(env.app, 'demo-province');
    const overview = await province.get('/api/regions/overview');
    expect(overview.statusCode, overview.body).toBe(200);
    const live = await sql<{ n: number }>`select count(*) as n from members
      where deleted_at is null`.execute(env.ctx.db);
    expect(overview.json().unit.figures.members.total).toBe(Number(live.rows[0].n));
    expect(overview.json().pending).toBe(0);
    expect(log.join('\n')).toMatch(/汇总 rollups：3 个县 counties/);
  });

  it('leaves every index of a freshly migrated schema in place', async () => {
    expect(await indexes(env)).toEqual(fresh);
  });

  it('gives a member created after the load a fresh id, and keeps county 2 from county 1', async () => {
    const [first, second] = loaded;
    const now = env.ctx.clock().toISOString();
    await insertUser(env.ctx.db, {
      tenant: second.tenantId,
      username: 'admin-2',
      role: 'county_admin',
      orgId: second.tenantId,
      orgPath: `/${second.tenantId}/`,
      hash: await hashPassword(PASSWORD),
      now,
    });
    const admin = await login(env.app, 'admin-2');
    const maxId = Number((await sql<{ m: number }>`select max(id) as m from members`.execute(env.ctx.db)).rows[0].m);
    const village = await env.ctx.db
      .selectFrom('orgs')
      .select('id')
      .where('tenant_id', '=', second.tenantId)
      .where('type', '=', 'branch')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const created = await admin.post('/api/members', {
      orgId: village.id,
      name: '新党员',
      idNumber: testIdNumber('female'),
      gender: 'female',
      joinedAt: '2020-07-01',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().id).toBeGreaterThan(maxId);
    const memberOf = async (tenant: number) =>
      (
        await env.ctx.db
          .selectFrom('members')
          .select('id')
          .where('tenant_id', '=', tenant)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id;
    expect((await admin.get(`/api/members/${await memberOf(first.tenantId)}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/members/${await memberOf(second.tenantId)}`)).statusCode).toBe(200);
  });

  it('is refused on SQLite, in Chinese and English', async () => {
    const r = await runCli({ DATA_DIR: env.dataDir }, ['demo', '--scale', 'province', '--counties', '2']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/省级演示数据只能装入 PostgreSQL.*PostgreSQL only/);
  });
});
