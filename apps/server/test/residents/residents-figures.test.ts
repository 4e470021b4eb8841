import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, type Client, type Fixture, type TestEnv, openFixture } from '../harness.js';
import { seedServiceFigures } from './figures-seed.js';

/**
 * The figures of serving residents on a hand-made fixture (clock 2026-06-15 10:00 China time): seven requests
 * (one of last year, one escalated from village B1 to township B, one deleted), five households, two groups,
 * pairings, visits, wishes and errands; every number below is counted by hand.
 */
describe.each(dialects())('service figures on %s', (dialect) => {
  let env: TestEnv, fx: Fixture, county: Client, townA: Client;
  beforeAll(async () => {
    ({ env, fx, county, townA } = await openFixture(dialect, { county: 't-county', townA: 't-town-a' }));
    await seedServiceFigures(env, fx);
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

  it('follows writes to households, groups, visits and ratings at once, each cached by its own version', async () => {
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
