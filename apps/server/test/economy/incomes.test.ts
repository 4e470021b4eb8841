/**
 * Collective income (村集体经济) through the API on both databases: classes at their thresholds (exactly 50万 is
 * 小康), the township's review (only accepted entries count; the village never reviews its own), the change from
 * last year, `incomeClassesOf`, the village sees its own and a sibling township nothing, soft delete and restore.
 */
import { INCOMES_RULE_DEFAULTS, incomeClassOf } from '@dangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomeClassesOf } from '../../src/areas/economy/incomes/incomes.repository.js';
import { png } from '../files.js';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

const WAN = 100_0000;
const URL = '/api/economy/incomes';

describe('the class of a total', () => {
  it.each([
    [200 * WAN, 'revitalized'],
    [200 * WAN - 1, 'prosperous'],
    [100 * WAN, 'prosperous'],
    [100 * WAN - 1, 'comfortable'],
    [50 * WAN, 'comfortable'],
    [50 * WAN - 1, 'weak'],
    [0, 'weak'],
  ])('%i fen is %s', (fen, cls) => expect(incomeClassOf(fen, INCOMES_RULE_DEFAULTS)).toBe(cls));
});

describe.each(dialects())('collective income on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let id: number;
  const classes = async (c: Client, q = '') => (await c.get(`${URL}/classes?year=2025${q}`)).json();
  const village = async (c: Client, orgId: number) =>
    (await classes(c)).villages.find((v: { orgId: number }) => v.orgId === orgId);

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
    // Last year: 东村 120万 accepted (富裕).
    const last = await townA.post(URL, { orgId: fx.villageA1, year: 2024, source: 'property', amountFen: 120 * WAN });
    expect(last.statusCode, last.body).toBe(200);
    expect((await county.post(`${URL}/${last.json().id}/accept`, {})).json().status).toBe('accepted');
  });
  afterAll(() => env.close());

  it('the village enters its income; it counts only once the township accepts it', async () => {
    const res = await secA1.post(URL, { year: 2025, source: 'dividends', amountFen: 50 * WAN, evidence: '分红凭证' });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'submitted', orgName: '东村', townshipName: '东乡镇', actions: [] });
    expect(await village(townA, fx.villageA1)).toMatchObject({ totalFen: 0, class: 'weak', lastClass: 'prosperous' });
    // The village never reviews its own; a sibling township does not see it.
    expect((await secA1.post(`${URL}/${id}/accept`, {})).statusCode).toBe(403);
    expect((await townB.post(`${URL}/${id}/accept`, {})).statusCode).toBe(404);
    expect((await townA.get(`${URL}/${id}`)).json().actions).toEqual(['accept', 'return']);
    const back = await townA.post(`${URL}/${id}/return`, { reason: '缺少入账凭证' });
    expect(back.json()).toMatchObject({ status: 'returned', returnReason: '缺少入账凭证' });
    expect((await townA.post(`${URL}/${id}/accept`, {})).json().error.code).toBe('incomes.wrong_state');
    expect((await secA1.post(`${URL}/${id}/resubmit`, {})).json().status).toBe('submitted');
    const photo = await secA1.upload(`${URL}/${id}/photos`, png(), 'a.png', 'image/png');
    expect(photo.statusCode, photo.body).toBe(200);
    expect((await townA.post(`${URL}/${id}/accept`, { note: '凭证齐全' })).json()).toMatchObject({
      status: 'accepted',
      reviewedOn: '2026-06-15',
      photoCount: 1,
    });
  });

  it('exactly 50万 is 小康; the change from last year is a class down', async () => {
    expect(await village(townA, fx.villageA1)).toMatchObject({
      totalFen: 50 * WAN,
      class: 'comfortable',
      lastTotalFen: 120 * WAN,
      lastClass: 'prosperous',
      changeFen: -70 * WAN,
      move: -1,
    });
    const all = await classes(county);
    expect(all.total).toMatchObject({ villages: 3, totalFen: 50 * WAN, down: 1, up: 0 });
    expect(all.total.counts).toEqual({ revitalized: 0, prosperous: 0, comfortable: 1, weak: 2 });
    const a = all.children.find((c: { orgId: number }) => c.orgId === fx.townA);
    expect(a.rollup).toMatchObject({ villages: 2, counts: { comfortable: 1, weak: 1 } });
    // 一 fen less accepted elsewhere stays weak: 南村 49.99万.
    const r = await townA.post(URL, { orgId: fx.villageA2, year: 2025, source: 'other', amountFen: 50 * WAN - 1 });
    await townA.post(`${URL}/${r.json().id}/accept`, {});
    expect(await village(townA, fx.villageA2)).toMatchObject({ class: 'weak', totalFen: 50 * WAN - 1 });
    const rows = await incomeClassesOf(env.ctx.db, fx.system.tenantId!, fx.system.orgPath!, 2025);
    expect(rows.find((v) => v.orgId === fx.villageA1)).toMatchObject({ class: 'comfortable', lastClass: 'prosperous' });
    const xlsx = await county.get(`${URL}/classes/export?year=2025`);
    expect(xlsx.statusCode).toBe(200);
  });

  it('the village sees its own, a sibling township nothing; accepted entries are locked', async () => {
    expect((await secA1.get(`${URL}?year=2025`)).json().total).toBe(1);
    expect((await townB.get(URL)).json().total).toBe(0);
    expect((await townB.get(`${URL}/classes?org=${fx.townA}`)).statusCode).toBe(404);
    expect((await secA1.get(`${URL}?org=${fx.villageA2}`)).statusCode).toBe(404);
    const member = await login(env.app, 't-member-a1');
    expect((await member.get(URL)).statusCode).toBe(403);
    expect((await secA1.post(URL, { orgId: fx.townA, year: 2025, source: 'other', amountFen: 1 })).statusCode).toBe(
      404,
    );
    const notVillage = await townA.post(URL, { orgId: fx.townA, year: 2025, source: 'other', amountFen: 1 });
    expect(notVillage.json().error.code).toBe('incomes.not_village');
    const future = await townA.post(URL, { orgId: fx.villageA1, year: 2027, source: 'other', amountFen: 1 });
    expect(future.json().error.code).toBe('incomes.future_year');
    expect((await secA1.delete(`${URL}/${id}`)).json().error.code).toBe('incomes.accepted_locked');
    expect((await townA.post(`${URL}/${id}/reopen`, { reason: '金额有误' })).json().status).toBe('submitted');
    expect((await secA1.patch(`${URL}/${id}`, { amountFen: 60 * WAN })).json().amountFen).toBe(60 * WAN);
    expect((await secA1.delete(`${URL}/${id}`)).statusCode).toBe(200);
    expect((await secA1.get(`${URL}?deleted=true`)).json().total).toBe(1);
    expect((await secA1.post(`${URL}/${id}/restore`)).json().deletedAt).toBeNull();
  });
});
