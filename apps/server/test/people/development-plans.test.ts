/**
 * The annual guiding plan on both databases: quotas split down the tree (never over the parent's, never below
 * what was split), a township confined to its own subtree, the figures against the candidates' admission dates,
 * the quarterly supervision list, and a mark with its undoing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';
import { splitQuota } from '../../src/demo/developmentPlans.js';

describe('the demo splits a quota by largest remainders', () => {
  it('adds up exactly and follows the weights', () => {
    expect(splitQuota(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitQuota(300, [50, 30, 20])).toEqual([150, 90, 60]);
    expect(splitQuota(5, [0, 0])).toEqual([0, 0]);
    expect(splitQuota(7, [3, 0, 1]).reduce((a, b) => a + b, 0)).toBe(7);
  });
});

describe.each(dialects())('development plans on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let seq = 0;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());

  const put = (c: Client, items: { org: number; quota: number | null }[], year = 2026) =>
    c.request('PUT', '/api/development/plans', { year, items });

  /** A candidate admitted on a day (the development module's row, written directly: only the dates matter here). */
  async function admitted(orgId: number, day: string | null, steps: { step: string; materials: string[] }[] = []) {
    const org = await env.ctx.db
      .selectFrom('orgs')
      .select('org_path')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const now = env.clock.now.toISOString();
    seq++;
    const row = await env.ctx.db
      .insertInto('development_candidates')
      .values({
        tenant_id: fx.county,
        org_id: orgId,
        org_path: org.org_path,
        name: `候选${seq}`,
        gender: 'male',
        id_number_enc: `enc${seq}`,
        id_number_hash: `hash${seq}`,
        id_number_masked: '1101**********0011',
        phone_enc: null,
        phone_hash: null,
        phone_masked: null,
        birth_date: '1995-01-01',
        ethnicity: null,
        education: null,
        category: null,
        status: day ? 'probationary' : 'target',
        stage_since: day ?? '2025-06-01',
        applied_on: '2023-01-10',
        activist_on: '2023-06-01',
        target_on: '2024-09-01',
        admitted_on: day,
        probation_end: null,
        converted_on: null,
        closed_on: null,
        close_reason: null,
        talker_name: null,
        plan_year: Number((day ?? '2026').slice(0, 4)),
        member_id: null,
        next_step: null,
        next_opens_on: null,
        next_due_on: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, s] of steps.entries())
      await env.ctx.db
        .insertInto('development_steps')
        .values({
          tenant_id: fx.county,
          candidate_id: row.id,
          step: s.step,
          step_no: i + 1,
          done_on: '2026-02-01',
          vote: null,
          training_days: null,
          training_hours: null,
          months: null,
          materials: JSON.stringify(s.materials),
          meeting_id: null,
          note: null,
          override_reason: null,
          recorded_by: null,
          recorded_by_name: null,
          created_at: now,
        })
        .execute();
  }

  it('splits quotas down the tree and refuses a split over the parent or a quota below its split', async () => {
    expect((await put(county, [{ org: fx.county, quota: 20 }])).statusCode).toBe(200);
    const set = await put(county, [
      { org: fx.townA, quota: 10 },
      { org: fx.townB, quota: 5 },
    ]);
    expect(set.statusCode).toBe(200);
    expect(
      set
        .json()
        .items.map((p: { quota: number }) => p.quota)
        .sort(),
    ).toEqual([10, 5].sort());

    // Over the county's 20: refused as a whole, nothing written.
    const over = await put(county, [{ org: fx.townB, quota: 11 }]);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('development.plan_over_parent');
    expect(over.json().error.details).toMatchObject({ parentQuota: 20, allocated: 21 });

    expect((await put(townA, [{ org: fx.villageA1, quota: 6 }])).statusCode).toBe(200);
    const split = await put(townA, [{ org: fx.villageA2, quota: 5 }]);
    expect(split.json().error.code).toBe('development.plan_over_parent');
    expect((await put(townA, [{ org: fx.villageA2, quota: 4 }])).statusCode).toBe(200);
    expect((await put(townA, [{ org: fx.villageA2, quota: null }])).statusCode).toBe(200);

    // The county cannot take back below what townA already gave its branches.
    const below = await put(county, [{ org: fx.townA, quota: 5 }]);
    expect(below.statusCode).toBe(409);
    expect(below.json().error.code).toBe('development.plan_below_children');

    const list = (await townA.get('/api/development/plans?year=2026')).json();
    expect(list.total).toBe(2);
    const a = list.items.find((p: { orgId: number }) => p.orgId === fx.townA);
    expect(a).toMatchObject({ quota: 10, allocated: 6 });
    expect((await county.get('/api/development/plans?year=2026')).json().total).toBe(4);
    expect((await county.get('/api/development/plans?year=2025')).json().total).toBe(0);
  });

  it('keeps a township to its own subtree, and its own quota to the county', async () => {
    const sibling = await put(townA, [{ org: fx.villageB1, quota: 1 }]);
    expect(sibling.statusCode).toBe(404);
    const own = await put(townA, [{ org: fx.townA, quota: 99 }]);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('development.plan_own_org');
    expect((await put(secA1, [{ org: fx.villageA1, quota: 1 }])).statusCode).toBe(403);
    const twice = await put(county, [
      { org: fx.townB, quota: 1 },
      { org: fx.townB, quota: 2 },
    ]);
    expect(twice.json().error.code).toBe('development.plan_org_twice');
    // The branch secretary reads its own plan, not its township's.
    const seen = (await secA1.get('/api/development/plans?year=2026')).json();
    expect(seen.items.map((p: { orgId: number }) => p.orgId)).toEqual([fx.villageA1]);
  });

  it('counts admissions of the year against the quotas, and those outside the plan', async () => {
    expect((await put(townB, [{ org: fx.villageB1, quota: 1 }])).statusCode).toBe(200);
    await admitted(fx.villageA1, '2026-01-20', [{ step: 'application', materials: [] }]);
    await admitted(fx.villageA1, '2026-03-05');
    await admitted(fx.groupA1, '2026-05-10');
    await admitted(fx.villageA1, '2025-11-01');
    await admitted(fx.villageA1, null);
    // villageA2 has no quota while townA split its own: outside the plan.
    await admitted(fx.villageA2, '2026-04-02');
    await admitted(fx.villageB1, '2026-02-02');
    await admitted(fx.villageB1, '2026-05-02');

    const f = (await county.get('/api/development/plans/figures?year=2026')).json();
    // On 15 June only the first quarter is complete: a quarter of each quota is due.
    expect(f.total).toMatchObject({ quota: 20, allocated: 15, admitted: 6, outsidePlan: 1, expected: 5, targets: 1 });
    const a = f.byOrg.find((r: { orgId: number }) => r.orgId === fx.townA);
    expect(f.quarter).toBe(1);
    expect(a).toMatchObject({ quota: 10, admitted: 4, remaining: 6, expected: 2, outsidePlan: 1, status: 'on_track' });
    expect(a.targets).toBe(1);
    const b = f.byOrg.find((r: { orgId: number }) => r.orgId === fx.townB);
    expect(b).toMatchObject({ quota: 5, allocated: 1, admitted: 2, expected: 1, status: 'on_track' });
    expect(f.monthly.find((m: { month: string }) => m.month === '2026-05').admitted).toBe(2);
    const bRows = (await county.get(`/api/development/plans/figures?year=2026&org=${fx.townB}`)).json().byOrg;
    expect(bRows.find((r: { orgId: number }) => r.orgId === fx.villageB1)).toMatchObject({ quota: 1, status: 'over' });

    const mine = (await townA.get('/api/development/plans/figures?year=2026')).json();
    expect(mine.byOrg.find((r: { orgId: number }) => r.orgId === fx.villageA1)).toMatchObject({
      quota: 6,
      admitted: 3,
      expected: 1,
      status: 'on_track',
    });
    expect(mine.byOrg.find((r: { orgId: number }) => r.orgId === fx.villageA2)).toMatchObject({
      quota: null,
      admitted: 1,
      outsidePlan: 1,
      status: 'no_plan',
    });
    const xlsx = await county.get('/api/development/plans/figures/export?year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheet');
    expect((await townA.get(`/api/development/plans/figures?org=${fx.townB}`)).statusCode).toBe(404);
  });

  it('lists who is behind, over, outside the plan or missing files for a quarter', async () => {
    const q1 = (await county.get('/api/development/plans/supervision?year=2026&quarter=1')).json();
    const by = (id: number) => q1.items.find((i: { orgId: number }) => i.orgId === id);
    // By 31 March: townA admitted 2 of the 2 whole persons due (10 × 1/4), villageB1 its 1 early; files missing in A1.
    expect(by(fx.townA)).toBeUndefined();
    expect(by(fx.villageA1)).toMatchObject({ kinds: ['files_missing'], filesMissing: 1 });
    expect(by(fx.villageB1)).toBeUndefined();
    const q2 = (await county.get('/api/development/plans/supervision?year=2026&quarter=2')).json();
    const by2 = (id: number) => q2.items.find((i: { orgId: number }) => i.orgId === id);
    // By 30 June: townA 4 of the 5 due, villageB1 2 of its 1, villageA2 developing without a quota.
    expect(by2(fx.townA)).toMatchObject({ kinds: ['behind'], admitted: 4, expected: 5 });
    expect(by2(fx.villageB1).kinds).toEqual(['over']);
    expect(by2(fx.villageA2)).toMatchObject({ kinds: ['outside'], outsidePlan: 1 });
    // A township sees only its own subtree.
    const a = (await townA.get('/api/development/plans/supervision?year=2026&quarter=2')).json();
    expect(a.items.some((i: { orgId: number }) => i.orgId === fx.villageB1)).toBe(false);
  });

  it('marks a branch (award eligibility lost, secretary called in), refuses a second mark, and undoes it', async () => {
    await env.ctx.db
      .updateTable('orgs')
      .set({ secretary_member_id: fx.memberIn.villageA2 })
      .where('id', '=', fx.villageA2)
      .execute();
    const body = { org: fx.villageA2, year: 2026, reason: '计划外发展党员1名' };
    expect((await townB.post('/api/development/plans/marks', body)).statusCode).toBe(404);
    const made = await townA.post('/api/development/plans/marks', body);
    expect(made.statusCode).toBe(200);
    const mark = made.json();
    expect(mark).toMatchObject({ orgId: fx.villageA2, secretaryName: '李四', undoneAt: null });
    expect((await townA.post('/api/development/plans/marks', body)).json().error.code).toBe('development.mark_exists');
    const sup = (await county.get('/api/development/plans/supervision?year=2026&quarter=2')).json();
    expect(sup.items.find((i: { orgId: number }) => i.orgId === fx.villageA2).mark.id).toBe(mark.id);
    expect((await county.get('/api/development/plans/marks?year=2026')).json().total).toBe(1);

    const undo = await county.post(`/api/development/plans/marks/${mark.id}/undo`, { reason: '已补报计划' });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().undoReason).toBe('已补报计划');
    expect((await county.post(`/api/development/plans/marks/${mark.id}/undo`, { reason: '再次' })).statusCode).toBe(
      409,
    );
    expect((await county.get('/api/development/plans/marks?year=2026')).json().total).toBe(0);
    expect((await county.get('/api/development/plans/marks?year=2026&undone=true')).json().total).toBe(1);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'development_%')
      .execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      'development_plan.set',
      'development_plan.remove',
      'development_mark.create',
      'development_mark.undo',
    ])
      expect(actions.has(a)).toBe(true);
  });
});
