/**
 * Rollups and the region overview (issue 16): the rollup rows agree with the county's own live figures
 * (stats.overview, meetings.compliance of the year, meetings' stats, residents' figures), the job recomputes only what
 * changed, every account sees its own region or county only, and the export holds the figures.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshChanged, refreshCounty } from '../../src/areas/core/regions/rollups.refresh.js';
import { insertRegion } from '../../src/areas/core/regions/regions.repository.js';
import { dialects, testIdNumber, type Client, type Fixture, type TestEnv, openFixture } from '../harness.js';
import { seedServiceFigures } from '../residents/figures-seed.js';

const meeting = (orgId: number, kind: string, heldOn: string) => ({
  orgId,
  kind,
  topic: '研究本月工作',
  heldOn,
  startTime: '19:30',
  endTime: '21:00',
  place: '村党群服务中心',
  hostName: '张三',
  recorderName: '李四',
  minutes: '会议研究了本月重点工作。',
});

describe.each(dialects())('rollups and the region overview on %s', (dialect) => {
  let env: TestEnv, fx: Fixture, county: Client, region: Client, sec: Client;
  beforeAll(async () => {
    ({ env, fx, county, region, sec } = await openFixture(dialect, {
      county: 't-county',
      region: 't-region',
      sec: 't-sec-a1',
    }));
    await seedServiceFigures(env, fx);
    for (const [org, kind, day] of [
      [fx.villageA1, 'committee_meeting', '2026-01-12'],
      [fx.villageA1, 'committee_meeting', '2026-02-09'],
      [fx.villageA1, 'theme_day', '2026-06-05'],
      [fx.villageA2, 'committee_meeting', '2026-06-10'],
      [fx.villageB1, 'general_meeting', '2026-03-20'],
      [fx.townA, 'leadership_life_meeting', '2026-05-06'],
      // Planned ahead: not held yet, counted nowhere.
      [fx.villageB1, 'committee_meeting', '2026-06-28'],
    ] as const) {
      const res = await county.post('/api/meetings', meeting(org, kind, day));
      expect(res.statusCode, res.body).toBe(200);
    }
    await county.post('/api/members', {
      orgId: fx.villageB1,
      name: '苗族甲',
      idNumber: testIdNumber('female', '1995-03-03'),
      gender: 'female',
      ethnicity: 'miao',
      education: 'bachelor',
      joinedAt: '2026-04-01',
    });
  });
  afterAll(async () => env?.close());

  const overview = async (c: Client, unit: string) => {
    const r = await c.get(`/api/regions/overview?unit=${unit}&year=2026`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  /** The live figures of a subtree, as the county's own pages answer them. */
  const live = async (org: number) => {
    const stats = (await county.get(`/api/stats/overview?org=${org}`)).json();
    const comp = (await county.get(`/api/compliance/meetings?org=${org}&period=2026`)).json();
    const mstats = (await county.get(`/api/stats/meetings?org=${org}&period=2026`)).json();
    const service = (await county.get(`/api/stats/service?org=${org}`)).json();
    const key = (list: { key: string; count: number }[], k: string) => list.find((x) => x.key === k)?.count ?? 0;
    const ms = stats.members;
    return {
      members: {
        total: ms.total,
        formal: key(ms.byStatus, 'full'),
        probationary: key(ms.byStatus, 'probationary'),
        female: key(ms.byGender, 'female'),
        minority: ms.byEthnicity
          .filter((e: { key: string }) => e.key !== 'han' && e.key !== 'unknown')
          .reduce((a: number, e: { count: number }) => a + e.count, 0),
        college: ['college', 'bachelor', 'postgraduate'].reduce((a, k) => a + key(ms.byEducation, k), 0),
        joinedThisYear: ms.byJoinYear.find((y: { year: number }) => y.year === 2026)?.count ?? 0,
      },
      orgs: {
        total: stats.orgs.total,
        committees: key(stats.orgs.byType, 'committee'),
        generalBranches: key(stats.orgs.byType, 'general_branch'),
        branches: key(stats.orgs.byType, 'branch') + key(stats.orgs.byType, 'joint_branch'),
      },
      meetings: {
        held: mstats.byKind.reduce((a: number, k: { count: number }) => a + k.count, 0),
        due: comp.summary.required,
        met: comp.summary.held,
      },
      residents: {
        households: service.groups.householdsTotal,
        requests: service.requests.accepted,
        requestsResolved: service.requests.closed,
        wishes: service.wishes.collected,
        wishesFulfilled: service.wishes.fulfilled,
      },
      byKind: Object.fromEntries(mstats.byKind.map((k: { key: string; count: number }) => [k.key, k.count])),
    };
  };
  const comparable = (f: any) => ({
    members: { ...f.members, under35: undefined },
    orgs: f.orgs,
    meetings: { held: f.meetings.held, due: f.meetings.due, met: f.meetings.met },
    residents: {
      households: f.residents.households,
      requests: f.residents.requests,
      requestsResolved: f.residents.requestsResolved,
      wishes: f.residents.wishes,
      wishesFulfilled: f.residents.wishesFulfilled,
    },
  });

  it('agrees with the county’s own live figures, for the county and for a township', async () => {
    const before = await overview(county, `county:${fx.county}`);
    expect(before.pending).toBe(1);
    expect(before.asOf).toBeNull();
    expect(before.unit.figures.members.total).toBe(0);
    const r = await refreshCounty(env.ctx, fx.county);
    expect(r.refreshed).toBe(true);
    for (const org of [fx.county, fx.townA, fx.townB]) {
      const unit = org === fx.county ? `county:${org}` : `township:${org}`;
      const o = await overview(county, unit);
      const l = await live(org);
      expect(comparable(o.unit.figures)).toEqual({ ...comparable(l), members: { ...l.members, under35: undefined } });
      for (const [k, n] of Object.entries(l.byKind)) expect(o.unit.figures.meetings.byKind[k]).toBe(n);
    }
    const c = await overview(county, `county:${fx.county}`);
    expect(c.pending).toBe(0);
    expect(c.asOf).toBe(env.clock.now.toISOString());
    expect(c.unit.figures.meetings.held).toBe(6);
    expect(c.unit.figures.members.minority).toBe(1);
    expect(c.unit.figures.members.college).toBeGreaterThanOrEqual(1);
    expect(c.unit.figures.members.joinedThisYear).toBe(1);
    // Under 35 on 2026-06-15: born after 1991-06-15, counted here from the rows.
    const young = await env.ctx.db
      .selectFrom('members')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', fx.county)
      .where('deleted_at', 'is', null)
      .where('birth_date', '>', '1991-06-15')
      .executeTakeFirstOrThrow();
    expect(c.unit.figures.members.under35).toBe(Number(young.n));
    expect(c.unit.figures.meetings.complianceRate).toBe(
      Math.round((c.unit.figures.meetings.met / c.unit.figures.meetings.due) * 10_000) / 10_000,
    );
    expect(c.period).toEqual({ from: '2026-01', to: '2026-06' });
    expect(c.months.map((m: { month: string }) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(c.months.map((m: { meetingsHeld: number }) => m.meetingsHeld)).toEqual([1, 1, 1, 0, 1, 2]);
    expect(c.months[3].joined).toBe(1);
    const live2026 = (await county.get('/api/stats/service')).json().monthly.slice(0, 6);
    expect(c.months.map((m: { requests: number }) => m.requests)).toEqual(
      live2026.map((m: { accepted: number }) => m.accepted),
    );
    // The county's townships are its children, and they add up to the county (its own row holds no member).
    expect(c.children.map((t: { id: number }) => t.id).sort()).toEqual([fx.townA, fx.townB].sort());
  });

  it('recomputes only a county whose data changed; a new member moves the total by one', async () => {
    await refreshCounty(env.ctx, fx.county);
    const state = async () =>
      env.ctx.db.selectFrom('rollup_state').selectAll().where('tenant_id', '=', fx.county).executeTakeFirstOrThrow();
    const first = await state();
    env.clock.advance(60_000);
    const quiet = await refreshChanged(env.ctx);
    expect(quiet).toMatchObject({ refreshed: 0, current: 1, failed: 0 });
    expect((await state()).refreshed_at).toBe(first.refreshed_at);
    const total = async () => (await overview(region, `county:${fx.county}`)).unit.figures.members.total;
    const was = await total();
    const res = await county.post('/api/members', {
      orgId: fx.villageA2,
      name: '新党员',
      idNumber: testIdNumber('male', '1980-01-01'),
      gender: 'male',
      joinedAt: '2010-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await total()).toBe(was);
    expect(await refreshChanged(env.ctx)).toMatchObject({ refreshed: 1, current: 0, failed: 0 });
    expect(await total()).toBe(was + 1);
    expect((await state()).refreshed_at).not.toBe(first.refreshed_at);
  });

  it('shows a region account its province, prefecture and county, and nothing outside', async () => {
    await refreshCounty(env.ctx, fx.county);
    const own = (await region.get('/api/regions/overview')).json();
    expect(own.unit).toMatchObject({ kind: 'province', name: '测试省' });
    expect(own.trail.map((t: { name: string }) => t.name)).toEqual(['测试省']);
    const c = await overview(region, `county:${fx.county}`);
    expect(own.unit.figures).toEqual(c.unit.figures);
    expect(own.children).toHaveLength(1);
    const pref = own.children[0];
    expect(pref).toMatchObject({ kind: 'prefecture', name: '测试市' });
    expect(pref.figures).toEqual(c.unit.figures);
    const p = await overview(region, `prefecture:${pref.id}`);
    expect(p.trail.map((t: { kind: string }) => t.kind)).toEqual(['province', 'prefecture']);
    expect(p.children.map((x: { kind: string; id: number }) => [x.kind, x.id])).toEqual([['county', fx.county]]);
    expect(c.trail.map((t: { kind: string }) => t.kind)).toEqual(['province', 'prefecture', 'county']);
    const t = await overview(region, `township:${fx.townA}`);
    expect(t.trail.map((x: { kind: string }) => x.kind)).toEqual(['province', 'prefecture', 'county', 'township']);
    expect(t.children).toEqual([]);

    // A second province, made here, with nothing of it visible to this province's account.
    const now = env.clock.now.toISOString();
    const other = await insertRegion(
      env.ctx.db,
      { kind: 'province', name: '另一省', code: '980000', parent: null, sortOrder: 1 },
      now,
    );
    const refused = await region.get(`/api/regions/overview?unit=province:${other.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('not_found');
    expect((await region.get(`/api/regions/overview?unit=prefecture:${own.unit.id}`)).statusCode).toBe(404);
    expect((await region.get('/api/regions/overview?unit=county:999999')).statusCode).toBe(404);
    expect((await region.get('/api/regions/overview?unit=county:99999999999999999999')).statusCode).toBe(404);
    expect((await region.get(`/api/regions/overview?unit=county:${fx.townA}`)).statusCode).toBe(404);
  });

  it('shows a county admin its own county only; a branch secretary holds no capability', async () => {
    const own = (await county.get('/api/regions/overview')).json();
    expect(own.unit).toMatchObject({ kind: 'county', id: fx.county });
    expect(own.trail.map((t: { kind: string }) => t.kind)).toEqual(['county']);
    const province = (await region.get('/api/regions/overview')).json().unit.id;
    expect((await county.get(`/api/regions/overview?unit=province:${province}`)).statusCode).toBe(404);
    expect((await county.get('/api/regions/overview?unit=county:999999')).statusCode).toBe(404);
    expect((await county.get(`/api/regions/overview?unit=township:${fx.villageA1}`)).statusCode).toBe(404);
    const refused = await sec.get('/api/regions/overview');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect((await sec.get('/api/regions/overview/export')).statusCode).toBe(403);
    expect((await county.get('/api/regions/overview?unit=city:1')).statusCode).toBe(400);
  });

  it('exports the unit and its children with every figure', async () => {
    await refreshCounty(env.ctx, fx.county);
    const o = await overview(region, `county:${fx.county}`);
    const res = await region.get(`/api/regions/overview/export?unit=county:${fx.county}&year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('区域概览')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('单位 Unit');
    const col = (name: string) => header.findIndex((h) => String(h).startsWith(name)) + 1;
    expect(ws.getRow(2).getCell(1).value).toBe(o.unit.name);
    expect(ws.getRow(2).getCell(col('党员')).value).toBe(o.unit.figures.members.total);
    expect(ws.getRow(2).getCell(col('群众诉求')).value).toBe(o.unit.figures.residents.requests);
    const names = [3, 4].map((i) => ws.getRow(i).getCell(1).value);
    expect(names.sort()).toEqual(o.children.map((c: { name: string }) => c.name).sort());
    expect(wb.getWorksheet('月度 Months')!.rowCount).toBe(1 + o.months.length);
  });

  it.runIf(dialect === 'postgres')('leaves one consistent set of rows after two refreshes at once', async () => {
    const results = await Promise.all([refreshCounty(env.ctx, fx.county), refreshCounty(env.ctx, fx.county)]);
    expect(results.some((r) => r.refreshed)).toBe(true);
    const rows = await env.ctx.db
      .selectFrom('rollup_org_month')
      .select(['org_id', 'month'])
      .where('tenant_id', '=', fx.county)
      .execute();
    expect(new Set(rows.map((r) => `${r.org_id}|${r.month}`)).size).toBe(rows.length);
    expect(rows.length).toBe(results.find((r) => r.refreshed)!.rows);
    const c = await overview(region, `county:${fx.county}`);
    expect(c.unit.figures.members.total).toBe((await county.get('/api/stats/overview')).json().members.total);
  });
});
