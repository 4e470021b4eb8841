/**
 * Grassroots funds and pay through the API on both databases: the county and a township enter records for their
 * villages (not a village itself), the `?org=&kind=` filter, totals per kind and the villages below the floors of
 * the rules, and a secretary's pay visible only to township and county roles (never to the village).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

const URL = '/api/economy/funds';
const rec = (orgId: number, kind: string, amountFen: number, source = 'county') => ({
  orgId,
  year: 2026,
  kind,
  source,
  amountFen,
});

describe.each(dialects())('grassroots funds on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let payId: number;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
  });
  afterAll(() => env.close());

  it('the county and the township enter records for their villages; the village does not', async () => {
    const ok = async (c: Client, body: object) => {
      const r = await c.post(URL, body);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().id as number;
    };
    await ok(county, rec(fx.villageA1, 'operating', 12_400_000));
    await ok(townA, rec(fx.villageA1, 'service', 1_000_000, 'township'));
    await ok(county, rec(fx.villageA1, 'first_secretary_work', 1_000_000, 'higher'));
    payId = await ok(county, rec(fx.villageA1, 'secretary_pay', 1_470_000));
    await ok(county, rec(fx.villageA2, 'operating', 10_000_000));
    expect((await secA1.post(URL, rec(fx.villageA1, 'operating', 1))).statusCode).toBe(403);
    expect((await townB.post(URL, rec(fx.villageA1, 'operating', 1))).statusCode).toBe(404);
    expect((await county.post(URL, rec(fx.townA, 'operating', 1))).json().error.code).toBe('funds.not_village');
    const fs = (await county.get(`${URL}?org=${fx.villageA1}&kind=first_secretary_work`)).json();
    expect(fs.total).toBe(1);
    expect(fs.items[0]).toMatchObject({ orgName: '东村', kind: 'first_secretary_work', amountFen: 1_000_000 });
  });

  it("a secretary's pay is read by the township and the county only", async () => {
    expect((await county.get(`${URL}?org=${fx.villageA1}`)).json().total).toBe(4);
    expect((await townA.get(`${URL}/${payId}`)).json().kind).toBe('secretary_pay');
    const own = (await secA1.get(URL)).json();
    expect(own.total).toBe(3);
    expect(own.items.map((i: { kind: string }) => i.kind)).not.toContain('secretary_pay');
    expect((await secA1.get(`${URL}/${payId}`)).statusCode).toBe(404);
    expect((await secA1.get(`${URL}?kind=secretary_pay`)).json().total).toBe(0);
    const mine = (await secA1.get(`${URL}/summary?year=2026`)).json();
    expect(mine.totals.secretary_pay).toBeNull();
    expect(mine.rows[0].totals).toMatchObject({ operating: 12_400_000, secretary_pay: null });
    expect((await townB.get(`${URL}?org=${fx.villageA1}`)).statusCode).toBe(404);
  });

  it('totals per kind and the villages below the standards', async () => {
    const s = (await townA.get(`${URL}/summary?year=2026`)).json();
    expect(s).toMatchObject({
      villages: 2,
      floors: { operating: 12_400_000, service: 1_000_000, secretary_pay: 1_470_000 },
      totals: { operating: 22_400_000, service: 1_000_000, first_secretary_work: 1_000_000, secretary_pay: 1_470_000 },
      below: { operating: 1, service: 1, secretary_pay: 1 },
    });
    const a2 = s.rows.find((r: { orgId: number }) => r.orgId === fx.villageA2);
    expect(a2.below).toEqual(['operating', 'service', 'secretary_pay']);
    const a1 = s.rows.find((r: { orgId: number }) => r.orgId === fx.villageA1);
    expect(a1.below).toEqual([]);
    expect((await county.get(`${URL}/summary/export?year=2026`)).statusCode).toBe(200);
    expect((await county.get(`${URL}/export?year=2026`)).statusCode).toBe(200);
  });

  it('soft delete and restore', async () => {
    expect((await county.delete(`${URL}/${payId}`)).statusCode).toBe(200);
    expect((await county.get(`${URL}?deleted=true`)).json().total).toBe(1);
    expect((await county.post(`${URL}/${payId}/restore`)).json().deletedAt).toBeNull();
    expect((await county.patch(`${URL}/${payId}`, { amountFen: 1_500_000 })).json().amountFen).toBe(1_500_000);
  });
});
