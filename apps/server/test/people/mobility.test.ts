/**
 * Members away (流动党员) and out of contact (失联) on both databases: a departure, the flow's moves as a table
 * (every state × move allowed or refused, each allowed one a timeline entry and an audit record), the checks of
 * a record (dates, destination, contact, one open record), permissions by subtree, the member's history, the
 * list and its export, delete and restore, and the figure mobility.states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv, testIdNumber } from '../harness.js';

describe.each(dialects())('members away and out of contact on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let sec: Client;
  let member: Client;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, sec, member } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      sec: 't-sec-a1',
      member: 't-member-a1',
    }));
  });
  afterAll(() => env.close());

  /** A fresh member of village A1 (each case its own, so one open record never blocks another). */
  let seq = 0;
  async function newMember(orgId = fx.villageA1): Promise<number> {
    seq++;
    const res = await county.post('/api/members', {
      orgId,
      name: `流动${seq}`,
      idNumber: testIdNumber(),
      gender: 'male',
      joinedAt: '2010-07-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  }
  const depart = (memberId: number, extra: Record<string, unknown> = {}) =>
    sec.post('/api/mobility', {
      memberId,
      state: 'flowing',
      since: '2026-03-01',
      destination: '深圳',
      unit: '深圳电子厂',
      contactMemberId: fx.memberIn.villageA1,
      ...extra,
    });

  it('records a departure; the member reads away, with its history and timeline', async () => {
    const m = await newMember();
    const res = await depart(m, { expectedReturn: '2027-01-31', flowOrgName: '深圳市流动党员党支部' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      memberId: m,
      orgId: fx.villageA1,
      status: 'flowing',
      since: '2026-03-01',
      destination: '深圳',
      contact: { memberId: fx.memberIn.villageA1, name: '张三' },
      expectedReturn: '2027-01-31',
      actions: ['lose_contact', 'return'],
    });
    expect(r.events.map((e: { kind: string }) => e.kind)).toEqual(['departed']);
    const h = (await sec.get(`/api/members/${m}/mobility`)).json();
    expect(h).toMatchObject({ memberId: m, state: 'flowing', current: { id: r.id } });
    expect(h.records).toHaveLength(1);
    // A second open record of the same member is refused; after the return a new one may start.
    const again = await depart(m);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'mobility.already_away', details: { field: 'memberId' } });
    const back = await sec.post(`/api/mobility/${r.id}/return`, { on: '2026-06-10', note: '返乡创业' });
    expect(back.json()).toMatchObject({ status: 'returned', returnedOn: '2026-06-10', actions: [] });
    expect((await sec.get(`/api/members/${m}/mobility`)).json()).toMatchObject({ state: 'local', current: null });
    expect((await depart(m, { since: '2026-06-12', destination: '杭州' })).statusCode).toBe(200);
    // The roster filters by the state now: away, and not local.
    const ids = async (state: string) =>
      (await sec.get(`/api/members?mobility=${state}&pageSize=500`)).json().items.map((x: { id: number }) => x.id);
    expect(await ids('flowing')).toContain(m);
    expect(await ids('local')).not.toContain(m);
    expect(await ids('local')).toContain(fx.memberIn.villageA1);
    expect(await ids('out_of_contact')).not.toContain(m);
    expect((await sec.get(`/api/members/${m}/mobility`)).json().records).toHaveLength(2);
  });

  it('checks dates, the destination and the contact, with the field each concerns', async () => {
    const m = await newMember();
    const refused = async (extra: Record<string, unknown>, code: string, field: string) => {
      const res = await depart(m, extra);
      expect(res.json().error, JSON.stringify(extra)).toMatchObject({ code, details: { field } });
    };
    await refused({ since: '2026-06-16' }, 'mobility.date_in_future', 'since');
    await refused({ expectedReturn: '2026-02-01' }, 'mobility.date_before_since', 'expectedReturn');
    await refused({ destination: '  ' }, 'mobility.place_required', 'destination');
    const sibling = await county.post('/api/mobility', {
      memberId: m,
      state: 'flowing',
      since: '2026-03-01',
      destination: '深圳',
      contactMemberId: fx.memberIn.villageA2,
    });
    expect(sibling.json().error).toMatchObject({ code: 'mobility.contact_not_in_org' });
    await refused({ contactMemberId: m }, 'mobility.contact_not_in_org', 'contactMemberId');
    // Out of contact needs no destination; a move's day is checked too.
    const lost = await sec.post('/api/mobility', { memberId: m, state: 'out_of_contact', since: '2026-04-01' });
    expect(lost.json()).toMatchObject({ status: 'out_of_contact', lostOn: '2026-04-01', destination: null });
    const early = await sec.post(`/api/mobility/${lost.json().id}/regain`, { on: '2026-03-31' });
    expect(early.json().error.code).toBe('mobility.date_before_since');
    const late = await sec.post(`/api/mobility/${lost.json().id}/regain`, { on: '2026-06-16' });
    expect(late.json().error.code).toBe('mobility.date_in_future');
    const found = await sec.post(`/api/mobility/${lost.json().id}/regain`, { on: '2026-05-02', destination: '广州' });
    expect(found.json()).toMatchObject({ status: 'flowing', lostOn: null, destination: '广州' });
  });

  const MOVES = ['lose', 'regain', 'return'] as const;
  const TABLE: Record<string, Record<(typeof MOVES)[number], string>> = {
    flowing: { lose: 'out_of_contact', regain: 'mobility.state', return: 'returned' },
    out_of_contact: { lose: 'mobility.state', regain: 'flowing', return: 'returned' },
    returned: { lose: 'mobility.state', regain: 'mobility.state', return: 'mobility.state' },
  };
  /** A record of a fresh member brought to `state` through the API. */
  async function recordIn(state: string): Promise<number> {
    const m = await newMember();
    if (state === 'out_of_contact')
      return (await sec.post('/api/mobility', { memberId: m, state, since: '2026-03-01' })).json().id;
    const id = (await depart(m)).json().id;
    if (state === 'returned') await sec.post(`/api/mobility/${id}/return`, {});
    return id;
  }
  for (const [from, row] of Object.entries(TABLE))
    for (const mv of MOVES)
      it(`from ${from}, ${mv} → ${row[mv]}`, async () => {
        const id = await recordIn(from);
        const before = (await sec.get(`/api/mobility/${id}`)).json();
        const audits = await env.ctx.db
          .selectFrom('audit_log')
          .select('id')
          .where('entity_type', '=', 'mobility')
          .where('entity_id', '=', String(id))
          .execute();
        const res = await sec.post(`/api/mobility/${id}/${mv}`, { note: '测试' });
        const after = (await sec.get(`/api/mobility/${id}`)).json();
        const auditsAfter = await env.ctx.db
          .selectFrom('audit_log')
          .select('id')
          .where('entity_type', '=', 'mobility')
          .where('entity_id', '=', String(id))
          .execute();
        if (row[mv].startsWith('mobility.')) {
          expect(res.statusCode).toBe(400);
          expect(res.json().error.code).toBe(row[mv]);
          expect(after.status).toBe(from);
          expect(after.events).toHaveLength(before.events.length);
          expect(auditsAfter).toHaveLength(audits.length);
          expect(before.actions).not.toContain(mv === 'lose' ? 'lose_contact' : mv);
        } else {
          expect(res.statusCode, res.body).toBe(200);
          expect(after.status).toBe(row[mv]);
          expect(after.events).toHaveLength(before.events.length + 1);
          expect(auditsAfter).toHaveLength(audits.length + 1);
          expect(before.actions).toContain(mv === 'lose' ? 'lose_contact' : mv);
        }
      });

  it('keeps each township to its own members; a member account may not read or write', async () => {
    const m = await newMember();
    const id = (await depart(m)).json().id;
    expect((await townA.get(`/api/mobility/${id}`)).statusCode).toBe(200);
    expect((await townB.get(`/api/mobility/${id}`)).statusCode).toBe(404);
    expect((await townB.post(`/api/mobility/${id}/return`, {})).statusCode).toBe(404);
    expect((await townB.patch(`/api/mobility/${id}`, { destination: '杭州' })).statusCode).toBe(404);
    expect((await townB.get(`/api/members/${m}/mobility`)).statusCode).toBe(404);
    // Another township's member id in a body is not found; so is a contact outside the scope.
    const other = await townB.post('/api/mobility', {
      memberId: m,
      state: 'out_of_contact',
      since: '2026-03-01',
    });
    expect(other.statusCode).toBe(404);
    const m2 = await newMember();
    expect((await depart(m2, { contactMemberId: fx.memberIn.villageB1 })).statusCode).toBe(404);
    expect((await townB.get('/api/mobility')).json().items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await member.get('/api/mobility')).statusCode).toBe(403);
    expect(
      (await member.post('/api/mobility', { memberId: m2, state: 'out_of_contact', since: '2026-03-01' })).statusCode,
    ).toBe(403);
  });

  it('lists with filters and search, exports, updates, deletes and restores', async () => {
    const m = await newMember(fx.villageA2);
    const id = (
      await county.post('/api/mobility', { memberId: m, state: 'flowing', since: '2026-02-01', destination: '宁波' })
    ).json().id;
    const found = (await county.get('/api/mobility?q=宁波&status=flowing')).json();
    expect(found.items.map((r: { id: number }) => r.id)).toEqual([id]);
    expect(found.total).toBe(1);
    const byName = (await county.get(`/api/mobility?q=${encodeURIComponent(`流动${seq}`)}`)).json();
    expect(byName.items.map((r: { id: number }) => r.id)).toContain(id);
    expect((await county.get(`/api/mobility?org=${fx.villageA1}&memberId=${m}`)).json().total).toBe(0);
    const open = (await county.get('/api/mobility?open=true&pageSize=500')).json();
    expect(open.items.every((r: { status: string }) => r.status !== 'returned')).toBe(true);
    const xlsx = await county.get('/api/mobility/export?q=宁波');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheet');
    const patched = await county.patch(`/api/mobility/${id}`, { unit: '宁波服装厂', expectedReturn: '2026-12-31' });
    expect(patched.json()).toMatchObject({ unit: '宁波服装厂', expectedReturn: '2026-12-31', destination: '宁波' });
    expect((await county.delete(`/api/mobility/${id}`)).statusCode).toBe(200);
    expect((await county.get(`/api/members/${m}/mobility`)).json().state).toBe('local');
    expect((await county.get('/api/mobility?deleted=true')).json().items.map((r: { id: number }) => r.id)).toContain(
      id,
    );
    // While deleted, a new record may open; restoring the old one would give two open records.
    const id2 = (
      await county.post('/api/mobility', { memberId: m, state: 'out_of_contact', since: '2026-05-01' })
    ).json().id;
    expect((await county.post(`/api/mobility/${id}/restore`)).json().error.code).toBe('mobility.already_away');
    await county.post(`/api/mobility/${id2}/return`, {});
    const restored = await county.post(`/api/mobility/${id}/restore`);
    expect(restored.json()).toMatchObject({ status: 'flowing', deletedAt: null });
    expect(restored.json().events.map((e: { kind: string }) => e.kind)).toEqual(['departed', 'deleted', 'restored']);
  });

  it('counts members away and out of contact by organization (figure mobility.states)', async () => {
    const a = (await county.get(`/api/mobility/states?org=${fx.townA}`)).json();
    const byOrg = new Map(a.byOrg.map((o: { orgId: number }) => [o.orgId, o]));
    const count = async (org: number, status: string) =>
      (await county.get(`/api/mobility?org=${org}&status=${status}&pageSize=1`)).json().total;
    expect(a.flowing).toBe(await count(fx.townA, 'flowing'));
    expect(a.outOfContact).toBe(await count(fx.townA, 'out_of_contact'));
    expect(a.flowing).toBeGreaterThan(0);
    expect(byOrg.get(fx.villageA1)).toMatchObject({
      flowing: await count(fx.villageA1, 'flowing'),
      outOfContact: await count(fx.villageA1, 'out_of_contact'),
    });
    expect(byOrg.get(fx.villageA2)).toMatchObject({ flowing: await count(fx.villageA2, 'flowing') });
    expect(a.destinations[0].flowing).toBeGreaterThan(0);
    // A new departure shows at once (the figure follows its data version).
    const m = await newMember(fx.villageA2);
    await county.post('/api/mobility', { memberId: m, state: 'flowing', since: '2026-06-01', destination: '厦门' });
    const b = (await county.get(`/api/mobility/states?org=${fx.townA}`)).json();
    expect(b.flowing).toBe(a.flowing + 1);
    expect(b.members).toBe(a.members + 1);
    expect(b.destinations.map((d: { destination: string }) => d.destination)).toContain('厦门');
    expect((await townB.get(`/api/mobility/states?org=${fx.townA}`)).statusCode).toBe(404);
    const xlsx = await county.get(`/api/mobility/states/export?org=${fx.townA}`);
    expect(xlsx.statusCode).toBe(200);
    expect((await county.get('/api/figures')).json().items.map((f: { key: string }) => f.key)).toContain(
      'mobility.states',
    );
  });
});
