/**
 * The people area's part of the homes (`GET /api/home`, `GET /api/home/mine`): a township's development, transfers,
 * dues and mobility counts — its own subtree's, never another township's, and the same as the modules' own lists and
 * figures; a member's own bill and progress; a role without a module's capability gets null for that section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_CAPABILITIES, type Capability, type HomeMineT, type HomeT } from '@dangjian/contracts';
import { hashPassword } from '../../src/platform/crypto.js';
import { type Client, dialects, insertUser, login, PASSWORD, testIdNumber } from '../harness.js';
import { apply, type DevKit, devKit, TO_TARGET, TO_VOTE, TODAY, walk } from '../people/development-kit.js';
import { billsOf, generate, setProfile } from '../people/dues-kit.js';

describe.each(dialects())('people on the homes on %s', (dialect) => {
  let k: DevKit;
  let late = 0;
  let soon = 0;
  let other = 0;
  let admitted = 0;
  let self: Client;
  let issued = 0;
  let applied = 0;

  beforeAll(async () => {
    k = await devKit(dialect);
    const { fx } = k;
    // Development (today 2026-10-20): the talk is due a month after the application.
    late = (await apply(k, '2026-09-01', '韩逾期')).id;
    soon = (await apply(k, '2026-09-25', '杨将到')).id;
    await apply(k, '2026-10-19', '朱新申');
    const b = await k.county.post('/api/development', {
      orgId: fx.villageB1,
      name: '西乡逾期',
      idNumber: testIdNumber('male', '1999-01-02'),
      appliedOn: '2026-09-01',
    });
    expect(b.statusCode, b.body).toBe(200);
    other = b.json().id;
    const c = await apply(k, '2024-01-08', '沈本人');
    const done = await walk(k, c.id, [
      ...TO_TARGET,
      ...TO_VOTE,
      ['branch_vote', '2025-04-10'],
      ['committee_talk', '2025-05-01'],
      ['approval', '2025-06-01'],
    ]);
    admitted = c.id;
    const path = (
      await k.env.ctx.db.selectFrom('orgs').select('org_path').where('id', '=', fx.villageA1).executeTakeFirstOrThrow()
    ).org_path;
    await insertUser(k.env.ctx.db, {
      tenant: fx.county,
      username: 't-home-self',
      role: 'member',
      orgId: fx.villageA1,
      orgPath: path,
      hash: await hashPassword(PASSWORD),
      now: k.env.clock.now.toISOString(),
      memberId: done.memberId,
    });
    self = await login(k.env.app, 't-home-self');

    // Dues: the member of village A1 billed April to October, paying 10 of October's 30; a member of township B.
    await setProfile(k.sec, fx.memberIn.villageA1, { category: 'employed', monthlyIncome: 3000.01 });
    await setProfile(k.townB, fx.memberIn.villageB1, { category: 'employed', monthlyIncome: 3000 });
    await generate(k.sec, fx.villageA1, '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10');
    await generate(k.townB, fx.villageB1, '2026-10');
    const october = (await billsOf(k.sec, fx.memberIn.villageA1)).find((x) => x.month === '2026-10')!;
    const paid = await k.sec.post('/api/dues/payments', {
      memberId: fx.memberIn.villageA1,
      billIds: [october.id],
      amount: 10,
      paidOn: TODAY,
      method: 'cash',
    });
    expect(paid.statusCode, paid.body).toBe(200);

    // Transfers: one letter issued from 南村 to 西村 (township B receives it), one application of 东村 still open.
    const t1 = await k.townA.post('/api/transfers', {
      memberId: fx.memberIn.villageA2,
      toOrgId: fx.villageB1,
      duesPaidTo: '2026-09',
    });
    expect(t1.statusCode, t1.body).toBe(200);
    issued = t1.json().id;
    const ok = await k.townA.post(`/api/transfers/${issued}/approve`, { validUntil: '2026-11-19' });
    expect(ok.statusCode, ok.body).toBe(200);
    const t2 = await k.sec.post('/api/transfers', { memberId: k.second, toOrgId: fx.villageA2, duesPaidTo: '2026-09' });
    expect(t2.statusCode, t2.body).toBe(200);
    applied = t2.json().id;

    // Mobility: a member of township B away.
    const away = await k.county.post('/api/mobility', {
      memberId: fx.memberIn.townB,
      state: 'flowing',
      since: '2026-08-01',
      destination: '深圳',
    });
    expect(away.statusCode, away.body).toBe(200);
  });
  afterAll(() => k.env.close());

  const home = async (c: Client, q = '') => {
    const res = await c.get(`/api/home${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as HomeT;
  };

  it("counts a township's candidates and overdue and due-soon steps as its lists do, never another's", async () => {
    const a = (await home(k.townA)).development!;
    expect(a).toMatchObject({ applicant: 3, activist: 0, target: 0, probationary: 1, warnDays: 7 });
    const ids = a.items.map((i) => i.id);
    expect(ids).toContain(late);
    expect(ids).not.toContain(soon);
    expect(ids).not.toContain(other);
    expect(a.items.find((i) => i.id === late)).toMatchObject({ name: '韩逾期', step: 'talk', dueOn: '2026-10-01' });
    // The same numbers as the module's own lists.
    const overdue = (await k.townA.get('/api/development/overdue?pageSize=1')).json();
    expect(a.overdue).toBe(overdue.total);
    const all = (await k.townA.get('/api/development?pageSize=100')).json();
    const dueSoon = all.items.filter((c: { next: { state: string } | null }) => c.next?.state === 'due_soon');
    expect(dueSoon.map((c: { id: number }) => c.id)).toContain(soon);
    expect(a.dueSoon).toBe(dueSoon.length);

    const b = (await home(k.townB)).development!;
    expect(b).toMatchObject({ applicant: 1, probationary: 0, overdue: 1 });
    expect(b.items.map((i) => i.id)).toEqual([other]);
    // A branch secretary: its branch only; the county narrowed to township B sees B's.
    expect((await home(k.sec)).development).toMatchObject({ applicant: 3, probationary: 1 });
    expect((await home(k.county, `?org=${k.fx.townB}`)).development!.items.map((i) => i.id)).toEqual([other]);
  });

  it('shows the receiving township the letter to accept, the sending one its open transfers', async () => {
    const a = (await home(k.townA)).transfers!;
    expect(a).toMatchObject({ incoming: 0, outgoing: 2, awaitingApproval: 1, returned: 0, overdue: 0 });
    // The township approves: the application waiting on it is listed.
    expect(a.items.map((i) => i.id)).toEqual([applied]);
    const b = (await home(k.townB)).transfers!;
    expect(b).toMatchObject({ incoming: 1, outgoing: 0, awaitingApproval: 0, overdue: 0 });
    expect(b.items).toEqual([
      expect.objectContaining({ id: issued, status: 'issued', side: 'in', toOrgName: '西村党支部', overdue: false }),
    ]);
    // Township B never sees 东村's own application.
    expect(JSON.stringify(b)).not.toContain('赵介绍');
  });

  it("gives this month's dues of the subtree as the dues figure does, and the six-month flag", async () => {
    const a = (await home(k.townA)).dues!;
    const figure = (await k.townA.get('/api/dues/figures?period=2026-10')).json().total;
    expect(a).toMatchObject({
      month: '2026-10',
      bills: figure.bills,
      due: figure.due,
      paid: figure.paid,
      rate: figure.rate,
      arrears: figure.arrears,
      unpaid: figure.unpaidBills,
    });
    expect(a).toMatchObject({ bills: 1, due: 30, paid: 10, arrears: 20, unpaid: 1, flagged: 1 });
    expect(a.items).toEqual([
      expect.objectContaining({ memberId: k.fx.memberIn.villageA1, since: '2026-04', unpaidMonths: 6, owed: 180 }),
    ]);
    const b = (await home(k.townB)).dues!;
    expect(b).toMatchObject({ bills: 1, due: 15, paid: 0, rate: 0, flagged: 0, items: [] });
  });

  it('counts members away in the subtree', async () => {
    expect((await home(k.townB)).mobility).toMatchObject({ flowing: 1, outOfContact: 0 });
    expect((await home(k.townA)).mobility).toMatchObject({ flowing: 0, outOfContact: 0 });
  });

  it('gives a member its own bill and what it owes since when, and a probationary member its next step', async () => {
    const mine = (await k.member.get('/api/home/mine')).json() as HomeMineT;
    expect(mine.dues).toEqual({
      month: '2026-10',
      bill: expect.objectContaining({ amount: 30, paid: 10, outstanding: 20, status: 'partial' }),
      owed: 200,
      owedSince: '2026-04',
      unpaidBills: 7,
    });
    // A full member of long standing is on no way in.
    expect(mine.development).toBeNull();
    const own = (await self.get('/api/home/mine')).json() as HomeMineT;
    expect(own.development).toMatchObject({ id: admitted, stage: 'probationary', probationEnd: '2026-06-01' });
    expect(own.development!.next).toMatchObject({ step: 'approval_filing' });
    // No bills of its own yet: nothing to show.
    expect(own.dues).toBeNull();
  });

  it("puts this month's dues and this year's development on the county's wall screen, per township", async () => {
    const s = (await k.county.get('/api/screen')).json();
    const panel = (key: string) => s.panels.find((p: { key: string }) => p.key === key);
    const value = (key: string, v: string) => panel(key).values.find((x: { key: string }) => x.key === v).value;
    expect(value('dues', 'rate')).toBe(0.2222);
    expect([value('dues', 'due'), value('dues', 'paid'), value('dues', 'unpaid')]).toEqual([45, 10, 2]);
    const tile = (id: number) => s.map.tiles.find((t: { orgId: number }) => t.orgId === id).values;
    expect(tile(k.fx.townA)).toMatchObject({ duesRate: 0.3333, admitted: 0 });
    expect(tile(k.fx.townB)).toMatchObject({ duesRate: 0, admitted: 0 });
    // Admitted in 2025, on probation now: nobody admitted this year yet, no development target.
    expect([value('development', 'admitted'), value('development', 'targets')]).toEqual([0, 0]);
    expect(
      panel('development')
        .series[0].items.map((i: { key: string }) => i.key)
        .at(-1),
    ).toBe('2026-10');
  });

  it('answers null for a section whose module the role may not read, and the rest as before', async () => {
    const caps = ROLE_CAPABILITIES.township_admin as Capability[];
    const at = caps.indexOf('dues.read');
    expect(at).toBeGreaterThanOrEqual(0);
    caps.splice(at, 1);
    try {
      const h = await home(k.townA);
      expect(h.dues).toBeNull();
      expect(h.development).not.toBeNull();
      expect(h.transfers).not.toBeNull();
      expect(h.mobility).not.toBeNull();
    } finally {
      caps.splice(at, 0, 'dues.read');
    }
    expect((await home(k.townA)).dues).not.toBeNull();
  });
});
