/**
 * Party dues: the quote at every bracket edge, fixed categories, rule versions by month (a change mid-year keeps
 * the bills before on the old version), profiles and their validation, bill generation (idempotent, members who
 * joined in the month), the lists and who may see them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUES_NATIONAL_SCALES } from '@dangjian/contracts';
import { type Client, dialects, type Fixture, login, type TestEnv } from '../harness.js';
import { addMember, billsOf, DAY, generate, openDues, setProfile } from './dues-kit.js';

describe.each(dialects())('party dues: rules, quote, profiles and bills on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let sec: Client;
  let member: Client;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, sec, member } = await openDues(dialect));
  });
  afterAll(() => env.close());
  /** Signs in again after the clock moved past the sessions' lifetime. */
  async function relogin() {
    [county, townA, townB, sec, member] = await Promise.all(
      ['t-county', 't-town-a', 't-town-b', 't-sec-a1', 't-member-a1'].map((u) => login(env.app, u)),
    );
  }

  it('quotes the dues at each bracket edge, rounded half up to the fen', async () => {
    const cases: [string, number | null, number][] = [
      ['employed', 3000, 15],
      ['employed', 3000.01, 30],
      ['employed', 5000, 50],
      ['employed', 5000.01, 75],
      ['employed', 10000, 150],
      ['employed', 10000.01, 200],
      ['employed', 0, 0],
      ['employed', 2999.99, 15],
      ['employed', 1234.5, 6.17],
      ['retired', 5000, 25],
      ['retired', 5000.01, 50],
      ['student', null, 0.2],
      ['unemployed', null, 0.2],
      ['subsistence', 800, 0.2],
      ['farmer', null, 0.5],
    ];
    for (const [category, income, amount] of cases) {
      const q = income == null ? '' : `&monthlyIncome=${income}`;
      const res = await sec.get(`/api/dues/quote?category=${category}${q}&month=2026-06`);
      expect(res.statusCode, `${category} ${income}: ${res.body}`).toBe(200);
      expect(res.json(), `${category} ${income}`).toEqual({ amount, ruleVersion: 1 });
    }
  });

  it('refuses a bad quote with a clear error, and anyone but signed-in staff', async () => {
    const noIncome = await sec.get('/api/dues/quote?category=employed');
    expect(noIncome.statusCode).toBe(400);
    expect(noIncome.json().error.code).toBe('dues.income_required');
    expect(noIncome.json().error.message).toContain('月收入');
    const bad = await sec.get('/api/dues/quote?category=cadre&monthlyIncome=100');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation');
    expect((await sec.get('/api/dues/quote?category=employed&monthlyIncome=3000.001')).json().error.code).toBe(
      'dues.bad_amount',
    );
    expect((await sec.get('/api/dues/quote?category=farmer&month=2026-13')).statusCode).toBe(400);
    expect((await sec.get('/api/dues/quote?category=farmer&month=2001-01')).json().error.code).toBe(
      'dues.month_before_rules',
    );
    expect((await member.get('/api/dues/quote?category=farmer')).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/dues/quote?category=farmer' })).statusCode).toBe(401);
  });

  it('sets profiles for members of the caller subtree only, with their rules', async () => {
    const p = await setProfile(sec, fx.memberIn.villageA1, { category: 'employed', monthlyIncome: 4000 });
    expect(p).toMatchObject({ category: 'employed', categorySet: true, monthlyIncome: 4000, monthlyDues: 40 });
    // Another branch's member is not found; a rate category needs the income; a fixed amount stays in its range.
    const other = await sec.request('PUT', `/api/dues/profiles/${fx.memberIn.villageB1}`, { category: 'farmer' });
    expect(other.statusCode).toBe(404);
    const put = (body: object) => sec.request('PUT', `/api/dues/profiles/${fx.memberIn.villageA1}`, body);
    expect((await put({ category: 'retired' })).json().error.code).toBe('dues.income_required');
    expect((await put({ category: 'farmer', fixedAmount: 1.5 })).json().error.code).toBe('dues.fixed_out_of_range');
    expect((await put({ category: 'employed', monthlyIncome: 10, fixedAmount: 1 })).json().error.code).toBe(
      'dues.fixed_not_applicable',
    );
    expect((await put({ category: 'student', exempt: true })).json().error.code).toBe('dues.exempt_reason_required');
    // The income is personal: only staff of the member's subtree read it.
    expect((await townB.get(`/api/dues/profiles/${fx.memberIn.villageA1}`)).statusCode).toBe(404);
    expect((await member.get('/api/dues/profiles')).statusCode).toBe(403);
    const list = (await townA.get('/api/dues/profiles?pageSize=50')).json();
    expect(list.items.map((i: { memberId: number }) => i.memberId)).not.toContain(fx.memberIn.villageB1);
    expect(list.items.find((i: { memberId: number }) => i.memberId === fx.memberIn.villageA1).monthlyIncome).toBe(4000);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'dues_profile.set')
      .executeTakeFirstOrThrow();
    expect(audit.changes).not.toContain('4000');
  });

  it('makes bills once per member and month; a rule change mid-year applies from its month on', async () => {
    await setProfile(townA, fx.memberIn.villageA2, { category: 'farmer', fixedAmount: 1 });
    await setProfile(townA, fx.memberIn.townA, { category: 'retired', monthlyIncome: 5000.01 });
    const first = await generate(townA, fx.townA, '2026-05', '2026-06');
    // townA's subtree: townA's member, villageA1's, villageA2's (the fixture's members have no category otherwise).
    expect(first.map((g) => g.created)).toEqual([3, 3]);
    const again = await generate(townA, fx.townA, '2026-06');
    expect(again[0]).toEqual({ month: '2026-06', created: 0, existing: 3, missingProfile: 0 });
    const b = await billsOf(sec, fx.memberIn.villageA1);
    expect(b.map((x) => [x.month, x.amount, x.ruleVersion, x.status])).toEqual([
      ['2026-05', 40, 1, 'due'],
      ['2026-06', 40, 1, 'due'],
    ]);
    expect((await generate(county, fx.county, '2026-06'))[0]).toMatchObject({ created: 0, missingProfile: 3 });
    expect(
      (await sec.post('/api/dues/bills/generate', { orgId: fx.villageA1, month: '2026-07' })).json().error.code,
    ).toBe('dues.future_month');
    expect((await sec.post('/api/dues/bills/generate', { orgId: fx.villageB1, month: '2026-06' })).statusCode).toBe(
      404,
    );

    // A new version: not from a month already billed, not before the latest, the county only.
    const scales = structuredClone(DUES_NATIONAL_SCALES);
    scales.employed = {
      kind: 'rate',
      brackets: [
        { upTo: 5000, percent: 1 },
        { upTo: null, percent: 2 },
      ],
    };
    expect((await townA.post('/api/dues/rules', { validFrom: '2026-07', scales })).statusCode).toBe(403);
    expect((await county.post('/api/dues/rules', { validFrom: '2026-06', scales })).json().error.code).toBe(
      'dues.rule_month_billed',
    );
    const bad = structuredClone(scales);
    bad.employed = {
      kind: 'rate',
      brackets: [
        { upTo: 5000, percent: 1 },
        { upTo: 3000, percent: 2 },
      ],
    };
    expect((await county.post('/api/dues/rules', { validFrom: '2026-07', scales: bad })).json().error.code).toBe(
      'dues.bad_scale',
    );
    const made = await county.post('/api/dues/rules', { validFrom: '2026-07', scales, note: '县委决定' });
    expect(made.statusCode, made.body).toBe(200);
    expect(
      made.json().items.map((v: { version: number; validFrom: string; validTo: string | null }) => v),
    ).toMatchObject([
      { version: 2, validFrom: '2026-07', validTo: null, national: false, bills: 0 },
      { version: 1, validFrom: '2008-04', validTo: '2026-06', national: true, bills: 6 },
    ]);
    expect((await county.post('/api/dues/rules', { validFrom: '2026-07', scales })).json().error.code).toBe(
      'dues.rule_not_later',
    );
    expect((await sec.get('/api/dues/quote?category=employed&monthlyIncome=4000&month=2026-06')).json()).toEqual({
      amount: 40,
      ruleVersion: 1,
    });
    expect((await sec.get('/api/dues/quote?category=employed&monthlyIncome=4000&month=2026-07')).json()).toEqual({
      amount: 40,
      ruleVersion: 2,
    });

    // July: a member who joined in July is billed; the bills of July use version 2, June's keep version 1.
    env.clock.advance(20 * DAY);
    await relogin();
    const newcomer = await addMember(env, fx, fx.villageA1, '赵六', '2026-07-02');
    await setProfile(sec, newcomer, { category: 'employed', monthlyIncome: 6000 });
    expect((await generate(sec, fx.villageA1, '2026-06'))[0]).toMatchObject({ created: 0, existing: 1 });
    expect((await generate(sec, fx.villageA1, '2026-07'))[0]).toMatchObject({ created: 2, existing: 0 });
    expect((await billsOf(sec, newcomer)).map((x) => [x.month, x.amount, x.ruleVersion])).toEqual([
      ['2026-07', 120, 2],
    ]);
    expect((await billsOf(sec, fx.memberIn.villageA1)).map((x) => [x.month, x.amount, x.ruleVersion])).toEqual([
      ['2026-05', 40, 1],
      ['2026-06', 40, 1],
      ['2026-07', 40, 2],
    ]);
  });

  it('lists bills of the caller subtree with filters, search and Excel; never to a member', async () => {
    const all = (await townA.get('/api/dues/bills?pageSize=100')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.items.every((b: { orgName: string }) => b.orgName !== '西村党支部')).toBe(true);
    expect((await townB.get('/api/dues/bills')).json()).toEqual({ items: [], total: 0 });
    const june = (await townA.get('/api/dues/bills?month=2026-06&status=due')).json();
    expect(june.total).toBe(3);
    expect((await townA.get(`/api/dues/bills?q=${encodeURIComponent('张三')}`)).json().total).toBe(3);
    expect((await townA.get(`/api/dues/bills?org=${fx.villageB1}`)).statusCode).toBe(404);
    expect((await member.get('/api/dues/bills')).statusCode).toBe(403);
    const xlsx = await townA.get('/api/dues/bills/export?month=2026-06');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
