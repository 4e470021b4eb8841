/**
 * The cadres, learning and village-economy part of the homes (`GET /api/home`'s `economy`, `GET /api/home/mine`'s
 * `learning`): a township's home shows its villages per income class and the village whose class changed from last
 * year (with the amounts), the entries awaiting its review; the county sees the same below it; a village's home its
 * own class this year and last and its entries; a member's phone home its hours against its requirement. The
 * ordering of the changes (falls first) is checked on the summary itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeMineT, HomeT } from '@dangjian/contracts';
import { classSummary } from '../../src/areas/core/home/home.economy.js';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

const WAN = 1_000_000; // fen in 1万元

describe('the order of class changes', () => {
  it('falls first, then rises by the size of the move; a village that kept its class is no change', () => {
    const v = (orgId: number, cls: string, last: string, total: number, lastTotal: number) => ({
      orgId,
      orgName: `村${orgId}`,
      parentName: '东乡镇',
      class: cls as 'weak',
      lastClass: last as 'weak',
      totalFen: total * WAN,
      lastTotalFen: lastTotal * WAN,
    });
    const s = classSummary(
      2025,
      [
        v(1, 'comfortable', 'weak', 60, 40),
        v(2, 'revitalized', 'comfortable', 210, 55),
        v(3, 'weak', 'comfortable', 30, 70),
        v(4, 'prosperous', 'prosperous', 120, 110),
      ],
      3,
    );
    expect(s.byClass).toEqual({ revitalized: 1, prosperous: 1, comfortable: 1, weak: 1 });
    expect([s.up, s.down, s.villages, s.awaitingReview]).toEqual([2, 1, 4, 3]);
    expect(s.changes.map((c) => [c.orgId, c.direction])).toEqual([
      [3, 'down'],
      [2, 'up'],
      [1, 'up'],
    ]);
    expect(s.totalFen).toBe(420 * WAN);
  });
});

describe.each(dialects())('the economy on the homes on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, townA: Client, secA1: Client, memberA1: Client;

  beforeAll(async () => {
    ({ env, fx, county, townA, secA1, memberA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      secA1: 't-sec-a1',
      memberA1: 't-member-a1',
    }));
  });
  afterAll(() => env.close());

  it("a village's accepted income moves its class on the township's and the county's homes", async () => {
    const home0 = (await townA.get('/api/home')).json() as HomeT;
    const inc0 = home0.economy!.incomes!;
    const year = inc0.year;
    expect(inc0.villages).toBeGreaterThanOrEqual(2);
    // Last year 60万 (小康), this year 120万 (富裕): one village up, with the amounts.
    const enter = async (y: number, amountFen: number) => {
      const r = await townA.post('/api/economy/incomes', {
        orgId: fx.villageA1,
        year: y,
        source: 'property',
        amountFen,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().id as number;
    };
    for (const [y, amount] of [
      [year - 1, 60 * WAN],
      [year, 120 * WAN],
    ] as const) {
      const id = await enter(y, amount);
      expect((await townA.post(`/api/economy/incomes/${id}/accept`, {})).statusCode).toBe(200);
    }
    await enter(year, 5 * WAN); // still awaiting the township's review: it does not count
    const home = (await townA.get('/api/home')).json() as HomeT;
    const inc = home.economy!.incomes!;
    expect(inc.up).toBe(inc0.up + 1);
    expect(inc.awaitingReview).toBe(inc0.awaitingReview + 1);
    expect(inc.byClass.prosperous).toBe(inc0.byClass.prosperous + 1);
    expect(inc.changes.find((c) => c.orgId === fx.villageA1)).toMatchObject({
      from: 'comfortable',
      to: 'prosperous',
      direction: 'up',
      totalFen: 120 * WAN,
      lastTotalFen: 60 * WAN,
    });
    const countyHome = (await county.get('/api/home')).json() as HomeT;
    expect(countyHome.economy!.incomes!.changes.map((c) => c.orgId)).toContain(fx.villageA1);

    // The village's own home: its class this year and last, its entries by state.
    const mine = (await secA1.get('/api/home')).json() as HomeT;
    expect(mine.economy!.village).toMatchObject({
      year,
      class: 'prosperous',
      lastClass: 'comfortable',
      entries: { submitted: 1, accepted: 1, returned: 0 },
    });
    expect(mine.economy!.incomes).toBeNull();
  });

  it("a member's phone home has its hours against its requirement", async () => {
    const res = await memberA1.get('/api/home/mine');
    expect(res.statusCode).toBe(200);
    const l = (res.json() as HomeMineT).learning;
    expect(l).toMatchObject({ hours: 0, required: 32, short: true });
  });
});
