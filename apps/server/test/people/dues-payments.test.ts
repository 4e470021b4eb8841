/**
 * Party dues: payments (a branch only for its own members and their bills), back payments and their review, soft
 * delete and restore following the bills, the six-month flag (5 months not flagged, 6 flagged, a reason clears it,
 * the job tells the secretary once), the figures against hand-counted bills, and a member's own bills.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDuesJob } from '../../src/areas/people/dues/dues.flags.js';
import { type Client, dialects, type Fixture, type TestEnv } from '../harness.js';
import { addMember, billsOf, generate, type KitBill, openDues, setProfile } from './dues-kit.js';

type Bill = KitBill;

describe.each(dialects())('party dues: payments, review, flags and figures on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let sec: Client;
  let member: Client;
  let grouped: number;
  let newcomer: number;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, sec, member } = await openDues(dialect));
    // The clock stands on 2026-06-15: the six complete months before June are 2025-12 … 2026-05.
    grouped = await addMember(env, fx, fx.villageA1, '钱七', '2015-07-01');
    newcomer = await addMember(env, fx, fx.villageA2, '孙八', '2026-01-05');
    await setProfile(sec, fx.memberIn.villageA1, { category: 'employed', monthlyIncome: 3000.01 });
    await setProfile(sec, grouped, { category: 'farmer' });
    await setProfile(townA, fx.memberIn.villageA2, { category: 'retired', monthlyIncome: 4200 });
    await setProfile(townA, newcomer, { category: 'student' });
    await setProfile(county, fx.memberIn.villageB1, { category: 'farmer', fixedAmount: 1 });
    await setProfile(county, fx.memberIn.county, { category: 'employed', monthlyIncome: 12000 });
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    await generate(county, fx.county, ...months);
  });
  afterAll(() => env.close());

  const pay = (c: Client, body: Record<string, unknown>) =>
    c.post('/api/dues/payments', { paidOn: '2026-06-15', method: 'cash', ...body });

  it('records a payment of the month at once; refuses other members, other bills, too much', async () => {
    const bills = (await billsOf(sec, fx.memberIn.villageA1)) as Bill[];
    const june = bills.find((b) => b.month === '2026-06')!;
    expect(june).toMatchObject({ amount: 30, status: 'due' });
    const ok = await pay(sec, {
      memberId: fx.memberIn.villageA1,
      billIds: [june.id],
      amount: 10,
      method: 'online',
      reference: 'WX1',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'recorded',
      backPayment: false,
      bills: [{ month: '2026-06', amount: 10 }],
    });
    expect(((await billsOf(sec, fx.memberIn.villageA1)) as Bill[]).find((b) => b.id === june.id)).toMatchObject({
      paid: 10,
      status: 'partial',
    });
    // Another branch's member: not found; a bill of another member: refused; more than owed: refused.
    const b1 = ((await billsOf(county, fx.memberIn.villageB1)) as Bill[]).at(-1)!;
    expect((await pay(sec, { memberId: fx.memberIn.villageB1, billIds: [b1.id], amount: 1 })).statusCode).toBe(404);
    const other = await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [b1.id], amount: 1 });
    expect(other.json().error.code).toBe('dues.bill_not_member');
    expect(
      (await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [june.id], amount: 20.01 })).json().error.code,
    ).toBe('dues.overpaid');
    expect(
      (await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [june.id], amount: 1, paidOn: '2026-06-16' })).json()
        .error.code,
    ).toBe('dues.paid_in_future');
    expect((await pay(member, { memberId: fx.memberIn.villageA1, billIds: [june.id], amount: 1 })).statusCode).toBe(
      403,
    );
    const rest = await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [june.id], amount: 20 });
    expect(rest.json().status).toBe('recorded');
    expect((await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [june.id], amount: 1 })).json().error.code).toBe(
      'dues.bill_settled',
    );
  });

  it('sends a back payment to the township for review; deleting and restoring follow the bills', async () => {
    const bills = (await billsOf(sec, fx.memberIn.villageA1)) as Bill[];
    const [dec, jan] = bills;
    const back = await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [jan!.id, dec!.id], amount: 60 });
    expect(back.json()).toMatchObject({ status: 'pending', backPayment: true, actions: [] });
    expect(back.json().bills.map((b: { month: string }) => b.month)).toEqual(['2025-12', '2026-01']);
    // Pending: not counted, but not payable twice either.
    expect(((await billsOf(sec, fx.memberIn.villageA1)) as Bill[])[0]).toMatchObject({ paid: 0, status: 'due' });
    expect((await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [dec!.id], amount: 1 })).json().error.code).toBe(
      'dues.overpaid',
    );
    const mine = (await member.get('/api/dues/mine')).json();
    expect(mine.items.find((b: { month: string }) => b.month === '2025-12')).toMatchObject({ pending: 30, paid: 0 });
    const id = back.json().id;
    expect((await sec.post(`/api/dues/payments/${id}/approve`, {})).statusCode).toBe(403);
    expect((await townB.post(`/api/dues/payments/${id}/approve`, {})).statusCode).toBe(404);
    expect((await townA.get(`/api/dues/payments/${id}`)).json().actions).toEqual(['approve', 'refuse']);
    expect((await townA.post(`/api/dues/payments/${id}/refuse`, {})).json().error.code).toBe('workflow.field_required');
    const approved = await townA.post(`/api/dues/payments/${id}/approve`, { note: '已核实' });
    expect(approved.json()).toMatchObject({ status: 'approved', reviewNote: '已核实', actions: [] });
    expect(approved.json().events.map((e: { kind: string }) => e.kind)).toEqual(['recorded', 'approved']);
    expect((await townA.post(`/api/dues/payments/${id}/approve`, {})).json().error.code).toBe('workflow.move_refused');
    expect(((await billsOf(sec, fx.memberIn.villageA1)) as Bill[]).slice(0, 2).map((b) => b.status)).toEqual([
      'paid',
      'paid',
    ]);
    expect((await sec.delete(`/api/dues/payments/${id}`)).json().error.code).toBe('dues.payment_reviewed');

    // A refused back payment counts nothing.
    const feb = bills[2]!;
    const refused = (await pay(sec, { memberId: fx.memberIn.villageA1, billIds: [feb.id], amount: 30 })).json();
    expect((await county.post(`/api/dues/payments/${refused.id}/refuse`, { note: '金额不符' })).json().status).toBe(
      'refused',
    );
    expect(((await billsOf(sec, fx.memberIn.villageA1)) as Bill[])[2]).toMatchObject({ paid: 0, status: 'due' });

    // A mistaken payment of the month: deleted, the bill owes again; restored, paid again.
    const list = (await sec.get(`/api/dues/payments?memberId=${fx.memberIn.villageA1}&status=recorded`)).json();
    const ten = list.items.find((p: { amount: number }) => p.amount === 10);
    expect((await sec.delete(`/api/dues/payments/${ten.id}`)).json()).toEqual({ ok: true });
    expect(((await billsOf(sec, fx.memberIn.villageA1)) as Bill[]).at(-1)).toMatchObject({
      paid: 20,
      status: 'partial',
    });
    expect((await sec.get('/api/dues/payments?deleted=true')).json().total).toBe(1);
    expect(
      (await sec.post(`/api/dues/payments/${ten.id}/restore`)).json().events.map((e: { kind: string }) => e.kind),
    ).toEqual(['recorded', 'deleted', 'restored']);
    expect(((await billsOf(sec, fx.memberIn.villageA1)) as Bill[]).at(-1)).toMatchObject({ paid: 30, status: 'paid' });
    expect((await townB.get('/api/dues/payments')).json().total).toBe(0);
    expect((await sec.get(`/api/dues/payments?backPayment=true`)).json().total).toBe(2);
  });

  it('flags six unpaid months, not five; a reason clears it; the job tells the secretary once', async () => {
    const flags = async (c: Client, q = '') =>
      ((await c.get(`/api/dues/flags?pageSize=100${q}`)).json().items as { memberId: number }[]).map((f) => f.memberId);
    // Unpaid since 2025-12: the group member, villageA2's retiree, villageB1's farmer and the county's member.
    // The newcomer (billed from 2026-01: five complete months) is not flagged; villageA1's member paid some.
    expect((await county.get('/api/dues/flags')).json().items[0]).toMatchObject({ unpaidMonths: 6, since: '2025-12' });
    expect((await flags(county)).sort()).toEqual(
      [grouped, fx.memberIn.villageA2, fx.memberIn.villageB1, fx.memberIn.county].sort(),
    );
    expect(await flags(sec)).toEqual([grouped]);
    expect(await flags(townA)).not.toContain(newcomer);
    // A reason: only for a member of the caller's subtree; then not flagged (still listed with withReason).
    const reason = { reason: '外出务工，已联系' };
    expect((await sec.post(`/api/dues/flags/${fx.memberIn.villageA2}/reason`, reason)).statusCode).toBe(404);
    expect((await townA.post(`/api/dues/flags/${fx.memberIn.villageA2}/reason`, reason)).json()).toEqual({ ok: true });
    expect(await flags(townA)).toEqual([grouped]);
    const explained = (await townA.get('/api/dues/flags?withReason=true')).json().items;
    expect(explained.find((f: { memberId: number }) => f.memberId === fx.memberIn.villageA2).reason).toBe(
      reason.reason,
    );

    const first = await runDuesJob(env.ctx);
    expect(first).toMatchObject({ month: '2026-06', billsCreated: 0, flagged: 3 });
    expect(first.notified).toBe(1);
    expect((await runDuesJob(env.ctx)).notified).toBe(0);
    const note = (await sec.get('/api/notifications'))
      .json()
      .items.find((n: { kind: string }) => n.kind === 'dues.flag');
    expect(note.title).toContain('钱七');

    // Paying May (a back payment, approved) ends the run.
    const may = ((await billsOf(sec, grouped)) as Bill[]).find((b) => b.month === '2026-05')!;
    const p = (await pay(sec, { memberId: grouped, billIds: [may.id], amount: 0.5 })).json();
    await townA.post(`/api/dues/payments/${p.id}/approve`, {});
    expect(await flags(sec)).toEqual([]);
  });

  it('counts the figures as the bills add up, by organization and month, and as Excel', async () => {
    const all = (await county.get('/api/dues/bills?pageSize=500&from=2026-01&to=2026-12')).json().items as Bill[];
    const sum = (bs: Bill[], k: 'amount' | 'paid') => Math.round(bs.reduce((s, b) => s + b[k] * 100, 0)) / 100;
    const fig = (await county.get('/api/dues/figures?period=2026')).json();
    expect(fig.total).toMatchObject({ bills: all.length, due: sum(all, 'amount'), paid: sum(all, 'paid') });
    expect(fig.total.arrears).toBe(Math.round((sum(all, 'amount') - sum(all, 'paid')) * 100) / 100);
    expect(fig.total.rate).toBe(Math.round((sum(all, 'paid') / sum(all, 'amount')) * 10_000) / 10_000);
    const inTownA = all.filter((b) => [fx.villageA1, fx.villageA2, fx.groupA1, fx.townA].includes(b.orgId));
    const a = fig.byOrg.find((r: { orgId: number }) => r.orgId === fx.townA);
    expect(a).toMatchObject({ bills: inTownA.length, due: sum(inTownA, 'amount'), paid: sum(inTownA, 'paid') });
    // The county's own member's bills are a line of their own, under the county's name.
    expect(fig.byOrg[0]).toMatchObject({ orgId: fx.county, bills: 6, due: 6 * 240 });
    const jan = all.filter((b) => b.month === '2026-01');
    expect(fig.byMonth).toHaveLength(12);
    expect(fig.byMonth[0]).toMatchObject({ month: '2026-01', bills: jan.length, due: sum(jan, 'amount') });
    expect(fig.byMonth[11]).toMatchObject({ month: '2026-12', bills: 0, due: 0, rate: null });
    const june = (await sec.get('/api/dues/figures?period=2026-06')).json();
    expect(june.total).toMatchObject({ bills: 2, due: 30.5, paid: 30 });
    expect((await sec.get(`/api/dues/figures?period=2026&org=${fx.villageB1}`)).statusCode).toBe(404);
    expect((await sec.get('/api/dues/figures?period=2026-13')).statusCode).toBe(400);
    const xlsx = await county.get('/api/dues/figures/export?period=2026');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('shows a member its own bills only, with the rule version; not to staff', async () => {
    const own = (await sec.get(`/api/dues/bills?memberId=${fx.memberIn.villageA1}&pageSize=50`)).json().items as Bill[];
    const mine = (await member.get('/api/dues/mine')).json();
    expect(mine.total).toBe(own.length);
    expect(mine.items.map((b: { id: number }) => b.id).sort()).toEqual(own.map((b) => b.id).sort());
    expect(mine.items[0]).toMatchObject({ month: '2026-06', amount: 30, paid: 30, status: 'paid', ruleVersion: 1 });
    expect(mine).toMatchObject({ orgName: '东村党支部', category: 'employed' });
    expect(mine.owed).toBe(Math.round(own.reduce((s, b) => s + (b.amount - b.paid) * 100, 0)) / 100);
    expect((await member.get('/api/dues/mine?year=2025')).json().total).toBe(1);
    expect((await sec.get('/api/dues/mine')).statusCode).toBe(403);
  });
});
