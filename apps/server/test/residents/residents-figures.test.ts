import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, createEnv, dialects, login, type Client, type Fixture, type TestEnv } from '../harness.js';

/**
 * The figures of serving residents on a hand-made fixture (clock 2026-06-15 10:00 China time): seven requests
 * (one of last year, one escalated from village B1 to township B, one deleted), five households, two groups,
 * pairings, visits, wishes and errands; every number below is counted by hand.
 */
describe.each(dialects())('service figures on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  beforeAll(async () => {
    env = await createEnv(dialect);
    fx = await buildFixture(env);
    county = await login(env.app, 't-county');
    townA = await login(env.app, 't-town-a');
    const db = env.ctx.db;
    const path = async (id: number) =>
      (await db.selectFrom('orgs').select('org_path').where('id', '=', id).executeTakeFirstOrThrow()).org_path;
    const P = {
      a1: await path(fx.villageA1),
      a2: await path(fx.villageA2),
      b1: await path(fx.villageB1),
      townB: await path(fx.townB),
    };
    const now = '2026-06-15T02:00:00.000Z';
    const t = fx.county;
    const hh = async (orgId: number, p: string, people: number, poor: boolean, groupId: number | null) =>
      (
        await db
          .insertInto('households')
          .values({
            tenant_id: t,
            org_id: orgId,
            org_path: p,
            address: 'x',
            head_name: '户主',
            tags: poor ? '["lifted_out"]' : '["ordinary"]',
            is_poor: poor ? 1 : 0,
            people,
            group_id: groupId,
            note: null,
            phone_enc: null,
            phone_hash: null,
            phone_masked: null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const grp = async (orgId: number, p: string) =>
      (
        await db
          .insertInto('household_groups')
          .values({
            tenant_id: t,
            org_id: orgId,
            org_path: p,
            name: '第1联户组',
            leader_kind: 'capable',
            leader_name: '组长',
            leader_member_id: null,
            leader_household_id: null,
            leader_phone_enc: null,
            leader_phone_hash: null,
            leader_phone_masked: null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const g1 = await grp(fx.villageA1, P.a1);
    const g2 = await grp(fx.villageB1, P.b1);
    const h1 = await hh(fx.villageA1, P.a1, 4, true, g1);
    const h2 = await hh(fx.villageA1, P.a1, 3, false, g1);
    const h3 = await hh(fx.villageA1, P.a1, 2, true, null);
    const h4 = await hh(fx.villageB1, P.b1, 5, false, g2);
    await hh(fx.villageB1, P.b1, 1, false, null);
    const pairing = (household: number, p: string, orgId: number, ended: string | null) => ({
      tenant_id: t,
      org_id: orgId,
      org_path: p,
      household_id: household,
      cadre_member_id: fx.memberIn.county,
      started_on: '2025-01-01',
      ended_on: ended,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await db
      .insertInto('pairings')
      .values([pairing(h1, P.a1, fx.villageA1, null), pairing(h3, P.a1, fx.villageA1, '2026-01-10')])
      .execute();
    const visit = (household: number, orgId: number, p: string, on: string) => ({
      tenant_id: t,
      org_id: orgId,
      org_path: p,
      household_id: household,
      visitor_member_id: fx.memberIn.county,
      visited_on: on,
      found: '好',
      promised: null,
      request_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await db
      .insertInto('visits')
      .values([
        visit(h1, fx.villageA1, P.a1, '2026-03-01'),
        visit(h1, fx.villageA1, P.a1, '2026-05-01'),
        visit(h4, fx.villageB1, P.b1, '2026-04-01'),
        visit(h2, fx.villageA1, P.a1, '2025-11-01'),
      ])
      .execute();
    const req = (o: {
      org: number;
      path: string;
      origin?: number;
      originPath?: string;
      level: string;
      channel: string;
      category: string;
      accepted: string;
      due?: string;
      closed?: string;
      rating?: string;
      deleted?: boolean;
      escalations?: number;
    }) => ({
      tenant_id: t,
      org_id: o.org,
      org_path: o.path,
      origin_org_id: o.origin ?? o.org,
      origin_path: o.originPath ?? o.path,
      household_id: null,
      resident_name: null,
      channel: o.channel,
      category: o.category,
      description: 'd',
      level: o.level,
      status: o.closed ? 'closed' : 'open',
      accepted_at: o.accepted,
      due_at: o.due ?? null,
      owner_member_id: null,
      owner_name: null,
      department: null,
      escalations: o.escalations ?? 0,
      escalated_at: null,
      closed_at: o.closed ?? null,
      result: o.closed ? 'ok' : null,
      rating: o.rating ?? null,
      rated_at: null,
      reopened: 0,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      created_by: null,
      created_at: o.accepted,
      updated_at: o.accepted,
      deleted_at: o.deleted ? now : null,
    });
    const A1 = { org: fx.villageA1, path: P.a1 };
    await db
      .insertInto('requests')
      .values([
        req({
          ...A1,
          level: 'on_the_spot',
          channel: 'outreach',
          category: 'livelihood',
          accepted: '2026-03-10T02:00:00.000Z',
          closed: '2026-03-10T03:00:00.000Z',
          rating: 'satisfied',
        }),
        req({
          ...A1,
          level: 'studied',
          channel: 'reception',
          category: 'land',
          accepted: '2026-06-01T02:00:00.000Z',
          due: '2026-06-08T02:00:00.000Z',
        }),
        req({
          ...A1,
          level: 'coordinated',
          channel: 'complaint',
          category: 'dispute',
          accepted: '2026-05-01T02:00:00.000Z',
          due: '2026-05-16T02:00:00.000Z',
          closed: '2026-05-21T02:00:00.000Z',
          rating: 'dissatisfied',
        }),
        req({
          ...A1,
          level: 'on_the_spot',
          channel: 'outreach',
          category: 'livelihood',
          accepted: '2026-03-11T02:00:00.000Z',
          closed: '2026-03-11T03:00:00.000Z',
          deleted: true,
        }),
        // 01:00 on May 1st in China: a May request although its UTC date is April 30th.
        req({
          org: fx.villageA2,
          path: P.a2,
          level: 'on_the_spot',
          channel: 'online',
          category: 'other',
          accepted: '2026-04-30T17:00:00.000Z',
          closed: '2026-04-30T18:00:00.000Z',
          rating: 'fairly_satisfied',
        }),
        req({
          org: fx.villageB1,
          path: P.b1,
          level: 'studied',
          channel: 'hotline',
          category: 'medical',
          accepted: '2026-02-01T02:00:00.000Z',
          due: '2026-02-08T02:00:00.000Z',
          closed: '2026-02-03T02:00:00.000Z',
        }),
        req({
          org: fx.villageB1,
          path: P.b1,
          level: 'on_the_spot',
          channel: 'reception',
          category: 'other',
          accepted: '2025-12-20T02:00:00.000Z',
          closed: '2025-12-20T03:00:00.000Z',
          rating: 'satisfied',
        }),
        req({
          org: fx.townB,
          path: P.townB,
          origin: fx.villageB1,
          originPath: P.b1,
          level: 'studied',
          channel: 'hotline',
          category: 'infrastructure',
          accepted: '2026-06-02T02:00:00.000Z',
          due: '2026-06-09T02:00:00.000Z',
          escalations: 1,
        }),
      ])
      .execute();
    const wish = (
      orgId: number,
      p: string,
      created: string,
      status: string,
      claimed: boolean,
      fulfilled: boolean,
      confirmed: boolean,
    ) => ({
      tenant_id: t,
      org_id: orgId,
      org_path: p,
      kind: 'wish',
      title: 'w',
      description: 'd',
      household_id: null,
      resident_name: null,
      posted_via: 'worker',
      status,
      claimed_by_member_id: claimed ? fx.memberIn.villageA1 : null,
      claimed_at: claimed ? created : null,
      claim_due_at: null,
      fulfilled_at: fulfilled ? created : null,
      fulfil_note: null,
      confirmed_at: confirmed ? created : null,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      created_by: null,
      created_at: created,
      updated_at: created,
      deleted_at: null,
    });
    await db
      .insertInto('wishes')
      .values([
        wish(fx.villageA1, P.a1, '2026-03-01T02:00:00.000Z', 'confirmed', true, true, true),
        wish(fx.villageA1, P.a1, '2026-06-10T02:00:00.000Z', 'open', false, false, false),
        wish(fx.villageB1, P.b1, '2026-05-01T02:00:00.000Z', 'claimed', true, false, false),
      ])
      .execute();
    const errand = (taken: string, status: string) => ({
      tenant_id: t,
      org_id: fx.villageA2,
      org_path: P.a2,
      member_id: fx.memberIn.villageA2,
      household_id: null,
      resident_name: '王大爷',
      card_no: null,
      title: '代办',
      description: null,
      status,
      taken_at: taken,
      done_at: status === 'done' ? taken : null,
      result: null,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      created_by: null,
      created_at: taken,
      updated_at: taken,
      deleted_at: null,
    });
    await db
      .insertInto('errands')
      .values([errand('2026-04-01T02:00:00.000Z', 'done'), errand('2026-06-14T02:00:00.000Z', 'in_progress')])
      .execute();
  });
  afterAll(async () => env?.close());

  it('counts the whole county for this year', async () => {
    const r = await county.get('/api/stats/service');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(s.requests).toMatchObject({
      accepted: 6,
      closed: 4,
      open: 2,
      overdue: 2,
      avgCloseDays: 5.52,
      closedOnTimeRate: 0.75,
      satisfactionRate: 0.6667,
    });
    expect(s.requests.byLevel).toEqual({ on_the_spot: 2, studied: 3, coordinated: 1 });
    expect(s.requests.byChannel).toEqual({ outreach: 1, reception: 1, complaint: 1, online: 1, hotline: 2 });
    expect(s.requests.byCategory).toMatchObject({
      livelihood: 1,
      land: 1,
      dispute: 1,
      other: 1,
      medical: 1,
      infrastructure: 1,
      education: 0,
    });
    expect(s.requests.ratings).toEqual({ satisfied: 1, fairly_satisfied: 1, dissatisfied: 1 });
    expect(s.wishes).toEqual({ collected: 3, claimed: 2, fulfilled: 1, confirmed: 1 });
    expect(s.errands).toEqual({ taken: 2, done: 1 });
    expect(s.groups).toEqual({ groups: 2, households: 3, householdsTotal: 5, people: 12, coverageRate: 0.6 });
    expect(s.pairing).toEqual({ poorHouseholds: 2, paired: 1, cadres: 1, coverageRate: 0.5 });
    expect(s.visits).toEqual({ visits: 3, households: 2, villagesVisited: 2, villages: 2 });
    expect(s.monthly).toHaveLength(12);
    expect(s.monthly.slice(0, 6)).toEqual([
      { month: '2026-01', accepted: 0, closed: 0 },
      { month: '2026-02', accepted: 1, closed: 1 },
      { month: '2026-03', accepted: 1, closed: 1 },
      { month: '2026-04', accepted: 0, closed: 0 },
      { month: '2026-05', accepted: 2, closed: 2 },
      { month: '2026-06', accepted: 2, closed: 0 },
    ]);
    const byOrg = Object.fromEntries(s.byOrg.map((o: any) => [o.orgId, o]));
    expect(byOrg[fx.townA]).toMatchObject({
      accepted: 4,
      closed: 3,
      overdue: 1,
      satisfactionRate: 0.6667,
      wishes: 2,
      wishesDone: 1,
      errands: 2,
      coverageRate: 0.6667,
    });
    expect(byOrg[fx.townB]).toMatchObject({
      accepted: 2,
      closed: 1,
      overdue: 1,
      satisfactionRate: 0,
      wishes: 1,
      wishesDone: 0,
      errands: 0,
      coverageRate: 0.5,
    });
  });

  it('takes a period and keeps last year out of this one', async () => {
    const s = (await county.get('/api/stats/service?from=2025-12-01&to=2026-02-28')).json();
    expect(s.requests).toMatchObject({ accepted: 2, closed: 2, overdue: 0 });
    expect(s.monthly.map((m: any) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect((await county.get('/api/stats/service?from=2026-03-01&to=2026-02-01')).statusCode).toBe(400);
  });

  it('shows a township only its subtree', async () => {
    const s = (await townA.get('/api/stats/service')).json();
    expect(s.org.id).toBe(fx.townA);
    expect(s.requests).toMatchObject({ accepted: 4, closed: 3, open: 1, overdue: 1 });
    expect(s.groups).toEqual({ groups: 1, households: 2, householdsTotal: 3, people: 7, coverageRate: 0.6667 });
    expect(s.visits).toEqual({ visits: 2, households: 1, villagesVisited: 1, villages: 1 });
    expect(s.wishes.collected).toBe(2);
    const byOrg = Object.fromEntries(s.byOrg.map((o: any) => [o.orgId, o]));
    expect(byOrg[fx.villageA1]).toMatchObject({ accepted: 3, closed: 2, overdue: 1 });
    expect(byOrg[fx.villageA2]).toMatchObject({ accepted: 1, closed: 1, overdue: 0, errands: 2 });
    expect((await townA.get(`/api/stats/service?org=${fx.townB}`)).statusCode).toBe(404);
  });

  it('follows writes to households, groups, visits and ratings at once, each cached under its own version', async () => {
    const before = (await county.get('/api/stats/service')).json();
    const sec = await login(env.app, 't-sec-a1');
    const made = await sec.post('/api/households', {
      orgId: fx.villageA1,
      address: '新村1号',
      headName: '新户主',
      tags: ['subsistence'],
      residents: [
        { name: '新户主', relation: 'head' },
        { name: '新配偶', relation: 'spouse' },
      ],
    });
    expect(made.statusCode).toBe(200);
    let now = (await county.get('/api/stats/service')).json();
    expect(now.groups.householdsTotal).toBe(before.groups.householdsTotal + 1);
    expect(now.pairing.poorHouseholds).toBe(before.pairing.poorHouseholds + 1);
    expect(
      (
        await sec.post('/api/visits', {
          householdId: made.json().id,
          visitorMemberId: fx.memberIn.county,
          visitedOn: '2026-06-14',
          found: '房屋漏雨',
        })
      ).statusCode,
    ).toBe(200);
    now = (await county.get('/api/stats/service')).json();
    expect(now.visits.visits).toBe(before.visits.visits + 1);
    expect(now.visits.households).toBe(before.visits.households + 1);
    // A rating of a request accepted months ago recounts that month.
    const old = (await county.get('/api/requests?status=closed&pageSize=50'))
      .json()
      .items.find((r: { rating: string | null; acceptedAt: string }) => !r.rating && r.acceptedAt.startsWith('2026'));
    expect(old).toBeTruthy();
    expect((await county.post(`/api/requests/${old.id}/rate`, { rating: 'satisfied' })).statusCode).toBe(200);
    now = (await county.get('/api/stats/service')).json();
    expect(now.requests.ratings.satisfied).toBe(before.requests.ratings.satisfied + 1);
    expect(now.requests.accepted).toBe(before.requests.accepted);
    expect((await sec.delete(`/api/households/${made.json().id}`)).statusCode).toBe(200);
    now = (await county.get('/api/stats/service')).json();
    expect(now.groups.householdsTotal).toBe(before.groups.householdsTotal);
  });

  it('follows a new request at once (cache by version) and exports Excel with English headers', async () => {
    const before = (await county.get('/api/stats/service')).json().requests.accepted;
    // Through the service, which marks the month of the request as changed: only that month is recounted.
    const made = await county.post('/api/requests', {
      orgId: fx.villageA2,
      channel: 'reception',
      category: 'other',
      description: '路灯不亮',
      level: 'on_the_spot',
      result: '已修复',
    });
    expect(made.statusCode).toBe(200);
    expect((await county.get('/api/stats/service')).json().requests.accepted).toBe(before + 1);
    const x = await county.request('GET', '/api/stats/service/export', undefined, {
      headers: { 'accept-language': 'en' },
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Service figures', 'Organizations', 'Months']);
    expect(wb.worksheets[0]!.getRow(4).values).toEqual([undefined, 'Requests accepted', 7]);
    expect((await (await login(env.app, 't-auditor')).get('/api/stats/service')).statusCode).toBe(403);
  });
});
