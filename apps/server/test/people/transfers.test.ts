/**
 * Transfers of membership through the API on both databases: both sides of a transfer within the county (the
 * member counts in the sending organization until received), withdrawn, sent back with a reason, overdue past
 * its letter's validity; a letter to outside and its return slip; a letter from outside; the two sides' scopes.
 */
import { addDays, addMonths } from '@dangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, login, testIdNumber } from '../harness.js';
import { openTransfers, rosterCount, type TransferCounty } from './transfers-fixture.js';

const DAY = 86_400_000;

describe.each(dialects())('transfers of membership on %s', (dialect) => {
  let t: TransferCounty;
  const today = () => t.env.clock.now.toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await openTransfers(dialect);
  });
  afterAll(() => t.env.close());

  it('within the county: applied, approved, received; counted in the sender until then', async () => {
    const { fx, county, townA, townB, townC, secA1, secA2, secB1 } = t;
    const memberId = fx.memberIn.villageA1;
    const a1Before = await rosterCount(county, fx.villageA1);
    const b1Before = await rosterCount(county, fx.villageB1);
    const res = await secA1.post('/api/transfers', {
      memberId,
      toOrgId: fx.villageB1,
      reason: '工作调动',
      duesPaidTo: '2026-05',
    });
    expect(res.statusCode).toBe(200);
    const tr = res.json();
    expect(tr).toMatchObject({ kind: 'internal', status: 'applied', side: 'out', memberId, reason: '工作调动' });
    expect(tr.actions).toEqual(['withdraw']);
    // A second application for the same member while one is under way is refused.
    const again = await secA1.post('/api/transfers', { memberId, toOrgId: fx.villageA2 });
    expect(again.json().error.code).toBe('transfers.member_pending');

    // Before the letter the receiving side sees nothing; a branch cannot approve.
    expect((await secB1.get(`/api/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await secA1.post(`/api/transfers/${tr.id}/approve`, {})).statusCode).toBe(403);
    expect((await townB.post(`/api/transfers/${tr.id}/approve`, {})).statusCode).toBe(404);
    const tooLong = await townA.post(`/api/transfers/${tr.id}/approve`, {
      validUntil: addDays(addMonths(today(), 3), 1),
    });
    expect(tooLong.json().error.code).toBe('transfers.invalid_validity');
    const ok = (await townA.post(`/api/transfers/${tr.id}/approve`, { validUntil: addDays(today(), 30) })).json();
    expect(ok).toMatchObject({ status: 'issued', letterNo: '2026-0001', issuedOn: today(), duesPaidTo: '2026-05' });
    expect(ok.actions).toEqual(['withdraw']);

    // Still counted in the sending organization.
    expect(await rosterCount(county, fx.villageA1)).toBe(a1Before);
    expect(await rosterCount(county, fx.villageB1)).toBe(b1Before);

    // The receiving township sees the incoming transfer with only what receiving needs.
    const incoming = (await townB.get('/api/transfers?direction=in')).json();
    expect(incoming.total).toBe(1);
    expect(incoming.items[0]).toMatchObject({
      id: tr.id,
      side: 'in',
      name: '张三',
      memberId: null,
      fromOrgId: null,
      reason: null,
      fromOrgName: '东村党支部',
      toOrgName: '西村党支部',
      letterNo: '2026-0001',
    });
    expect(incoming.items[0].idNumber).toMatch(/\*/);
    expect((await townB.get('/api/transfers?direction=out')).json().total).toBe(0);
    // … and nothing else of the sending side.
    expect((await townB.get(`/api/members/${memberId}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/members?org=${fx.villageA1}`)).statusCode).toBe(404);
    expect((await townB.get(`/api/transfers/${tr.id}/letter`)).statusCode).toBe(404);
    const detailB = (await secB1.get(`/api/transfers/${tr.id}`)).json();
    expect(detailB.actions).toEqual(['accept', 'sendBack']);
    expect(detailB.reason).toBeNull();

    // A third township and another branch see nothing and act on nothing.
    expect((await townC.get('/api/transfers')).json().total).toBe(0);
    expect((await townC.get(`/api/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await secA2.get(`/api/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await secA2.post(`/api/transfers/${tr.id}/withdraw`, {})).statusCode).toBe(404);
    // The sender may not receive its own transfer; the receiver may not withdraw it.
    expect((await secA1.post(`/api/transfers/${tr.id}/accept`, {})).statusCode).toBe(403);
    expect((await secB1.post(`/api/transfers/${tr.id}/withdraw`, {})).statusCode).toBe(403);

    const accepted = (await secB1.post(`/api/transfers/${tr.id}/accept`, {})).json();
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: today() });
    expect(accepted.events.map((e: { kind: string }) => e.kind)).toEqual(['applied', 'approved', 'accepted']);
    expect((await county.get(`/api/members/${memberId}`)).json()).toMatchObject({ orgId: fx.villageB1 });
    expect(await rosterCount(county, fx.villageA1)).toBe(a1Before - 1);
    expect(await rosterCount(county, fx.villageB1)).toBe(b1Before + 1);
    // The receiving branch now reads the member; the sending side keeps the transfer in its history.
    expect((await secB1.get(`/api/members/${memberId}`)).statusCode).toBe(200);
    expect((await secA1.get(`/api/members/${memberId}`)).statusCode).toBe(404);
    expect((await secA1.get(`/api/transfers/${tr.id}`)).json()).toMatchObject({ status: 'accepted', side: 'out' });
    const audit = await t.env.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'member')
      .where('entity_id', '=', String(memberId))
      .execute();
    expect(audit.map((a) => a.action)).toContain('transfer.member_moved');
  });

  it('withdrawn by the sender, sent back by the receiver with a reason, resubmitted', async () => {
    const { fx, townA, townB, secB1 } = t;
    const memberId = fx.memberIn.villageA2;
    const tr = (await townA.post('/api/transfers', { memberId, toOrgId: fx.villageB1, duesPaidTo: '2026-06' })).json();
    const w = (await townA.post(`/api/transfers/${tr.id}/withdraw`, { note: '录入有误' })).json();
    expect(w).toMatchObject({ status: 'withdrawn', actions: [] });
    expect((await townA.post(`/api/transfers/${tr.id}/approve`, {})).json().error.code).toBe('workflow.move_refused');

    const t2 = (await townA.post('/api/transfers', { memberId, toOrgId: fx.villageB1, duesPaidTo: '2026-06' })).json();
    await townA.post(`/api/transfers/${t2.id}/approve`, {});
    expect((await secB1.post(`/api/transfers/${t2.id}/send-back`, { reason: '' })).statusCode).toBe(400);
    const back = (await secB1.post(`/api/transfers/${t2.id}/send-back`, { reason: '党费交纳月份有误' })).json();
    expect(back).toMatchObject({ status: 'returned', returnReason: '党费交纳月份有误', actions: [] });
    // The receiver still sees it, returned; the sender resubmits.
    expect((await townB.get(`/api/transfers/${t2.id}`)).json().status).toBe('returned');
    const again = (await townA.get(`/api/transfers/${t2.id}`)).json();
    expect(again.actions).toEqual(['resubmit', 'withdraw']);
    expect((await townA.post(`/api/transfers/${t2.id}/resubmit`, {})).json().status).toBe('applied');
    expect((await townA.post(`/api/transfers/${t2.id}/withdraw`, {})).json().status).toBe('withdrawn');
    expect((await townA.get(`/api/transfers/${t2.id}`)).json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'applied',
      'approved',
      'sent_back',
      'resubmitted',
      'withdrawn',
    ]);
  });

  it('out of the platform: the letter printed, the return slip recorded, the member off the roster', async () => {
    const { fx, county, townA } = t;
    const memberId = fx.memberIn.townA;
    const tr = (
      await townA.post('/api/transfers', {
        memberId,
        toOrgName: '外省某市某区街道党工委',
        toAddress: '某市某区人民路1号',
        duesPaidTo: '2026-06',
      })
    ).json();
    expect(tr).toMatchObject({ kind: 'outgoing', toOrgId: null, toOrgName: '外省某市某区街道党工委' });
    expect((await townA.get(`/api/transfers/${tr.id}/letter`)).statusCode).toBe(409);
    await townA.post(`/api/transfers/${tr.id}/approve`, { validUntil: addDays(today(), 60) });
    const letter = (await townA.get(`/api/transfers/${tr.id}/letter`)).json();
    expect(letter).toMatchObject({ name: '东乡乙', toOrgName: '外省某市某区街道党工委', validDays: 60 });
    expect(letter.issuerName).toBe('测试县委');
    const detail = (await townA.get(`/api/transfers/${tr.id}`)).json();
    expect(detail.actions).toEqual(['receipt', 'withdraw']);
    const early = await townA.post(`/api/transfers/${tr.id}/receipt`, { receiptOn: addDays(today(), -1) });
    expect(early.json().error.code).toBe('transfers.invalid_receipt_date');
    const done = (await townA.post(`/api/transfers/${tr.id}/receipt`, { receiptOn: today() })).json();
    expect(done).toMatchObject({ status: 'accepted', receiptOn: today() });
    const m = (await county.get(`/api/members/${memberId}`)).json();
    expect(m.deletedAt).not.toBeNull();
  });

  it('into the platform: a letter from outside registered, the member recorded on acceptance', async () => {
    const { fx, county, townA, townB, secB1 } = t;
    const idNumber = testIdNumber('female', '1990-03-04');
    const body = {
      orgId: fx.villageB1,
      name: '赵敏',
      gender: 'female',
      idNumber,
      joinedAt: '2015-07-01',
      fromOrgName: '外省某县某镇党委',
      letterNo: '外转〔2026〕12号',
      issuedOn: today(),
      validUntil: addDays(today(), 30),
      duesPaidTo: '2026-06',
    };
    expect((await townA.post('/api/transfers/register', body)).statusCode).toBe(404);
    const tr = (await townB.post('/api/transfers/register', body)).json();
    expect(tr).toMatchObject({ kind: 'incoming', status: 'issued', memberId: null, side: 'in' });
    expect(tr.actions).toEqual(['accept', 'sendBack', 'withdraw']);
    const before = await rosterCount(county, fx.villageB1);
    const done = (await secB1.post(`/api/transfers/${tr.id}/accept`, {})).json();
    expect(done.status).toBe('accepted');
    expect(await rosterCount(county, fx.villageB1)).toBe(before + 1);
    const found = (await county.get(`/api/members?q=${idNumber}`)).json();
    expect(found.items[0]).toMatchObject({ name: '赵敏', orgId: fx.villageB1, joinedAt: '2015-07-01' });
    // The same person again is refused (already a member).
    expect((await townB.post('/api/transfers/register', body)).json().error.code).toBe('members.id_number_taken');
  });

  it("refuses another township's ids in a body and keeps a mistaken record recoverable", async () => {
    const { fx, townA, townB, secA1 } = t;
    expect(
      (await secA1.post('/api/transfers', { memberId: fx.memberIn.villageB1, toOrgId: fx.villageA2 })).statusCode,
    ).toBe(404);
    expect(
      (await townB.post('/api/transfers', { memberId: fx.memberIn.villageA2, toOrgId: fx.villageB1 })).statusCode,
    ).toBe(404);
    expect((await townA.post('/api/transfers', { memberId: fx.memberIn.villageA2 })).json().error.code).toBe(
      'transfers.target_required',
    );
    expect(
      (await townA.post('/api/transfers', { memberId: fx.memberIn.villageA2, toOrgId: fx.villageA2 })).json().error
        .code,
    ).toBe('transfers.same_org');
    const tr = (await townA.post('/api/transfers', { memberId: fx.memberIn.villageA2, toOrgId: fx.townB })).json();
    expect((await townB.delete(`/api/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await townA.delete(`/api/transfers/${tr.id}`)).statusCode).toBe(200);
    expect((await townA.get('/api/transfers?deleted=true')).json().items.map((i: { id: number }) => i.id)).toContain(
      tr.id,
    );
    expect((await townA.post(`/api/transfers/${tr.id}/restore`)).json().status).toBe('applied');
  });

  it('counts transfers in, out, under way and overdue for any subtree and period (transfers.flow)', async () => {
    const { fx, county, townB } = t;
    const flow = async (org: number, period: string) =>
      (await county.get(`/api/stats/transfers?org=${org}&period=${period}`)).json();
    const a = await flow(fx.townA, '2026');
    expect(a.total).toEqual({ in: 0, out: 2, pending: 1, overdue: 0 });
    expect(a.rows.map((r: { orgName: string; out: number }) => [r.orgName, r.out])).toEqual([
      ['东村党支部', 1],
      ['南村党支部', 0],
    ]);
    expect((await flow(fx.townB, '2026-06')).total).toEqual({ in: 2, out: 0, pending: 0, overdue: 0 });
    expect((await flow(fx.townB, '2026-05')).total).toEqual({ in: 0, out: 0, pending: 0, overdue: 0 });
    // For the county a move between two of its townships neither enters nor leaves it.
    const c = await flow(fx.county, '2026');
    expect(c.total).toEqual({ in: 1, out: 1, pending: 0, overdue: 0 });
    expect(c.rows.map((r: { orgName: string }) => r.orgName)).toEqual(['东乡镇党委', '西乡镇党委', '东山镇党委']);
    expect((await townB.get(`/api/stats/transfers?org=${fx.townA}&period=2026`)).statusCode).toBe(404);
    const xlsx = await county.get(`/api/stats/transfers/export?period=2026`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheet');
  });

  it('is overdue past the letter validity and can no longer be received', async () => {
    const { env, fx, townB } = t;
    // Sessions lapse while the clock runs days ahead: each look after it signs in again.
    const as = (username: string) => login(env.app, username);
    const tr = (await townB.post('/api/transfers', { memberId: fx.memberIn.townB, toOrgId: fx.villageA2 })).json();
    const noDues = await townB.post(`/api/transfers/${tr.id}/approve`, {});
    expect(noDues.json().error.code).toBe('workflow.field_required');
    const body = { validUntil: addDays(today(), 5), duesPaidTo: '2026-06' };
    expect((await townB.post(`/api/transfers/${tr.id}/approve`, body)).json().overdue).toBe(false);
    env.clock.advance(5 * DAY);
    expect((await (await as('t-town-a')).get(`/api/transfers/${tr.id}`)).json().overdue).toBe(false);
    env.clock.advance(DAY);
    const townA = await as('t-town-a');
    expect((await townA.get(`/api/transfers/${tr.id}`)).json().overdue).toBe(true);
    const overdue = (await townA.get('/api/transfers?overdue=true')).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toEqual([tr.id]);
    const secA2 = await as('t-sec-a2');
    expect((await secA2.post(`/api/transfers/${tr.id}/accept`, {})).json().error.code).toBe('transfers.letter_expired');
    const sender = await as('t-town-b');
    expect((await sender.post(`/api/transfers/${tr.id}/withdraw`, {})).json().status).toBe('withdrawn');
  });
});
