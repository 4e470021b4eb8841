/**
 * The supervision overview (`GET /api/supervision/overview`, figure `supervision.overview`): on a fixture with a
 * task, problems, an inspection with a finding, accountability records, a weak organization and an issued bulletin,
 * its numbers are the modules' own figures' (for the county and for each township below it) and the counts the
 * fixture made; a township sees only its subtree, a branch none of it; a reversed period is refused on its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewT } from '@dangjian/contracts';
import { subtreeOf } from '../../src/areas/supervision/overview/overview.sources.js';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

const FROM = '2026-01-01';
// The task falls due in the period: a task counts in the period it falls due in.
const TO = '2026-06-30';

/** Answers the JSON of a call, failing with its body when the status is not 200. */
async function ok<T = { id: number }>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

describe.each(dialects())('supervision overview on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, townA: Client, townB: Client, secA1: Client;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
    // Problems: two at village A1 (one assigned, fixed by the branch, verified by the township), one at B1.
    const problem = (c: Client, orgId: number, category: string, title: string) =>
      ok(c.post('/api/problems', { orgId, source: 'self_inspection', category, title, foundOn: '2026-05-10' }));
    const p1 = await problem(townA, fx.villageA1, 'organization', '三会一课记录不全');
    await problem(townA, fx.villageA1, 'conduct', '值班制度落实不到位');
    await problem(townB, fx.villageB1, 'service', '便民服务点无人值守');
    await ok(townA.post(`/api/problems/${p1.id}/assign`, { dueOn: '2026-06-30', responsibleName: '张三' }));
    await ok(secA1.post(`/api/problems/${p1.id}/claim`, { claimNote: '已补齐会议记录' }));
    await ok(townA.post(`/api/problems/${p1.id}/verify`, {}));

    // A task to village A1 and village B1: A1 reports, the county accepts.
    const task = await ok(
      county.post('/api/tasks', {
        orgId: fx.county,
        kind: 'special',
        title: '开展主题党日活动',
        startOn: '2026-06-01',
        dueOn: '2026-06-30',
        completion: 'evidence',
        targets: { mode: 'list', orgIds: [fx.villageA1, fx.villageB1] },
      }),
    );
    await ok(county.post(`/api/tasks/${task.id}/issue`, {}));
    const detail = await ok<{ targetList: { id: number; orgId: number }[] }>(county.get(`/api/tasks/${task.id}`));
    const a1 = detail.targetList.find((t) => t.orgId === fx.villageA1)!;
    await ok(secA1.post(`/api/tasks/${task.id}/targets/${a1.id}/report`, { text: '已开展' }));
    await ok(county.post(`/api/tasks/${task.id}/targets/${a1.id}/accept`, {}));

    // A quarterly inspection visiting village A1, with one finding (a problem).
    const insp = await ok(
      county.post('/api/inspections', {
        orgId: fx.county,
        kind: 'quarterly',
        title: '二季度党建督查',
        startsOn: '2026-06-10',
        endsOn: '2026-06-12',
        team: [{ name: '督查组长', title: '组织部副部长', leader: true }],
        visitOrgIds: [fx.villageA1],
      }),
    );
    await ok(county.post(`/api/inspections/${insp.id}/start`, {}));
    const got = await ok<{ visitList: { id: number }[] }>(county.get(`/api/inspections/${insp.id}`));
    const visit = got.visitList[0]!.id;
    await ok(county.request('PUT', `/api/inspections/${insp.id}/visits/${visit}`, { visitedOn: '2026-06-11' }));
    await ok(
      county.post(`/api/inspections/${insp.id}/visits/${visit}/findings`, {
        text: '党员活动室未开放',
        category: 'organization',
        severity: 'minor',
      }),
    );

    // Accountability: a unit and a person criticised, a person punished.
    const record = (body: Record<string, unknown>) =>
      ok(county.post('/api/accountability', { reason: '整改不力', decidedOn: '2026-06-01', ...body }));
    await record({ kind: 'public_criticism', targetKind: 'org', targetOrgId: fx.villageA1 });
    await record({
      kind: 'public_criticism',
      targetKind: 'person',
      personName: '王某',
      personPost: '村支部书记',
      orgId: fx.villageB1,
    });
    await record({ kind: 'punishment', targetKind: 'person', memberId: fx.memberIn.villageA1, subKind: '警告' });

    // A weak organization flagged by the county.
    await ok(
      county.post('/api/weak-orgs', {
        orgId: fx.villageB1,
        flaggedOn: '2026-03-01',
        reasons: ['life'],
        leaderName: '李县长',
        leaderPost: '副县长',
      }),
    );

    // A bulletin issued by the county.
    const b = await ok(county.post('/api/bulletins', { orgId: fx.county, kind: 'quarterly', period: '2026-Q2' }));
    await ok(county.post(`/api/bulletins/${b.id}/issue`, {}));
  }, 120_000);
  afterAll(() => env.close());

  const overview = (c: Client, q = `from=${FROM}&to=${TO}`) => c.get(`/api/supervision/overview?${q}`);

  it('answers the counts the fixture made, for the county and each township', async () => {
    const o = await ok<OverviewT>(overview(county));
    expect(o.total).toMatchObject({
      problems: 4,
      rectified: 1,
      notices: 1,
      inspections: 1,
      bulletins: 1,
      unitsCriticised: 1,
      personsCriticised: 1,
      punished: 1,
      accountability: 3,
      tasksIssued: 1,
      tasksCompleted: 1,
      weakFlagged: 1,
      weakReleased: 0,
    });
    const row = (id: number) => o.rows.find((r) => r.orgId === id)!;
    expect(o.rows.map((r) => r.orgId)).toEqual([fx.townA, fx.townB]);
    expect(row(fx.townA)).toMatchObject({ problems: 3, rectified: 1, inspections: 1, unitsCriticised: 1, punished: 1 });
    expect(row(fx.townB)).toMatchObject({ problems: 1, rectified: 0, personsCriticised: 1, weakFlagged: 1 });
    // The bulletin was issued by the county itself, not by an organization below it.
    expect(row(fx.townA).bulletins + row(fx.townB).bulletins).toBe(0);
    const category = (k: string) => o.problemsByCategory.find((c) => c.key === k)?.count;
    expect([category('organization'), category('conduct'), category('service')]).toEqual([2, 1, 1]);
    expect(o.inspectionsByKind.find((k) => k.key === 'quarterly')).toMatchObject({
      count: 1,
      label: { zh: '季度督查' },
    });
  });

  it("equals the modules' own figures, read afresh for each subtree", async () => {
    const o = await ok<OverviewT>(overview(county));
    const own = (orgId: number) => subtreeOf(env.ctx, fx.county, { orgId, from: FROM, to: TO });
    expect(o.total).toEqual((await own(fx.county)).counts);
    expect(o.problemsByCategory).toEqual((await own(fx.county)).problemsByCategory);
    for (const r of o.rows) {
      const { orgId, orgName, orgType, ...counts } = r;
      expect(counts, orgName).toEqual((await own(orgId)).counts);
    }
  });

  it('follows the records: a notice issued later counts at once', async () => {
    const before = await ok<OverviewT>(overview(townB));
    const open = await ok<{ items: { id: number }[] }>(townB.get('/api/problems?status=found'));
    const id = open.items[0]!.id;
    await ok(townB.post(`/api/problems/${id}/assign`, { dueOn: '2026-06-30', responsibleName: '王五' }));
    const after = await ok<OverviewT>(overview(townB));
    expect(after.total.notices).toBe(before.total.notices + 1);
  });

  it('keeps to the caller: a township its subtree, a branch nothing; a reversed period refused', async () => {
    const a = await ok<OverviewT>(overview(townA));
    expect(a.orgId).toBe(fx.townA);
    expect(a.rows.map((r) => r.orgId)).toEqual([fx.villageA1, fx.villageA2]);
    expect(a.total.problems).toBe(3);
    expect((await overview(townA, `org=${fx.townB}`)).statusCode).toBe(404);
    expect((await overview(secA1)).statusCode).toBe(403);
    const bad = await overview(county, 'from=2026-06-01&to=2026-05-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('overview.period_reversed');
    const x = await county.get(`/api/supervision/overview/export?from=${FROM}&to=${TO}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});
