/**
 * Dispatched cadres (派驻) on both databases: a township records a first secretary, a work team and an envoy serving
 * two villages; another township's organization in a body is 404 and its list shows nothing of them; a village
 * reads who is sent to it and may not write; days present are entered per month and counted in the figure; a
 * rotation links the new dispatch to the old, which ends; soft delete and restore with audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, openFixture, type TestEnv } from '../harness.js';

describe.each(dialects())('dispatches on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let firstId: number;
  let leaderId: number;
  const base = { sendingUnit: '县农业农村局', unitLevel: 'county', startedOn: '2025-03-01' };
  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
    const first = await townA.post('/api/dispatches', {
      ...base,
      kind: 'first_secretary',
      personName: '王建国',
      phone: '13812345678',
      orgIds: [fx.villageA1],
    });
    expect(first.statusCode, first.body).toBe(200);
    firstId = first.json().id;
    const leader = await townA.post('/api/dispatches', {
      ...base,
      kind: 'work_team',
      teamRole: 'leader',
      personName: '李明',
      orgIds: [fx.villageA2],
    });
    expect(leader.statusCode, leader.body).toBe(200);
    leaderId = leader.json().id;
  });
  afterAll(() => env.close());

  it('records a team with its members and an envoy of two villages; masks the phone', async () => {
    const member = await townA.post('/api/dispatches', {
      ...base,
      kind: 'work_team',
      teamRole: 'member',
      teamId: leaderId,
      personName: '赵强',
      orgIds: [fx.villageA2],
    });
    expect(member.statusCode, member.body).toBe(200);
    expect(member.json()).toMatchObject({ teamId: leaderId, teamName: '李明' });
    const noTeam = await townA.post('/api/dispatches', {
      ...base,
      kind: 'work_team',
      teamRole: 'member',
      personName: '钱七',
      orgIds: [fx.villageA2],
    });
    expect(noTeam.json().error.code).toBe('dispatches.team_required');
    const envoy = await townA.post('/api/dispatches', {
      ...base,
      kind: 'science_envoy',
      personName: '孙农',
      orgIds: [fx.villageA1, fx.villageA2],
    });
    expect(envoy.json().orgs.map((o: { id: number }) => o.id)).toEqual([fx.villageA1, fx.villageA2]);
    const leader = (await townA.get(`/api/dispatches/${leaderId}`)).json();
    expect(leader.members.map((m: { personName: string }) => m.personName)).toEqual(['赵强']);
    const got = (await townA.get(`/api/dispatches/${firstId}`)).json();
    expect(got.phone).toBe('138****5678');
    expect(got.fundsPath).toBe(`/economy/funds?org=${fx.villageA1}&kind=first_secretary_work`);
  });

  it("keeps to the scope: another township's organization is 404, a village reads but may not write", async () => {
    const other = await townA.post('/api/dispatches', {
      ...base,
      kind: 'instructor',
      personName: '周某',
      orgIds: [fx.villageB1],
    });
    expect(other.statusCode).toBe(404);
    expect((await townB.get(`/api/dispatches/${firstId}`)).statusCode).toBe(404);
    expect((await townB.get('/api/dispatches')).json().total).toBe(0);
    const mine = (await secA1.get('/api/dispatches')).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toContain(firstId);
    expect(mine.items.every((i: { orgId: number }) => i.orgId === fx.villageA1)).toBe(true);
    expect((await secA1.patch(`/api/dispatches/${firstId}`, { note: 'x' })).statusCode).toBe(403);
    expect((await county.get(`/api/dispatches/${firstId}`)).statusCode).toBe(200);
  });

  it('records days present per month and counts them in the figure of the township', async () => {
    const put = (month: string, days: number) =>
      townA.post(`/api/dispatches/${firstId}/presence`, { month, days, note: '正常在岗' });
    expect((await put('2026-04', 20)).statusCode).toBe(200);
    expect((await put('2026-05', 22)).statusCode).toBe(200);
    expect((await put('2026-05', 24)).json().presence[0]).toMatchObject({ month: '2026-05', days: 24 });
    expect((await put('2026-02', 30)).json().error.code).toBe('dispatches.days_month');
    expect((await put('2026-09', 5)).json().error.code).toBe('dispatches.month_outside');
    const f = (await county.get(`/api/dispatches/summary?org=${fx.townA}&year=2026`)).json();
    const fs = f.byKind.find((k: { kind: string }) => k.kind === 'first_secretary');
    expect(fs).toMatchObject({ people: 1, villages: 1, avgDays: 22 });
    expect(f.byKind.find((k: { kind: string }) => k.kind === 'work_team')).toMatchObject({ people: 2, teams: 1 });
    expect(f.byKind.find((k: { kind: string }) => k.kind === 'science_envoy')).toMatchObject({ villages: 2 });
    const whole = (await county.get('/api/dispatches/summary?year=2026')).json();
    expect(whole.rows.find((r: { orgId: number }) => r.orgId === fx.townA).byKind.first_secretary).toBe(1);
    expect(whole.rows.find((r: { orgId: number }) => r.orgId === fx.townB).byKind.first_secretary).toBe(0);
    expect((await county.get('/api/dispatches/summary/export?year=2026')).statusCode).toBe(200);
    expect((await townA.get('/api/dispatches/export?kind=first_secretary')).statusCode).toBe(200);
  });

  it('rotates: the new dispatch replaces the old, which ends the day before; delete, restore audited', async () => {
    const next = await townA.post('/api/dispatches', {
      ...base,
      kind: 'first_secretary',
      personName: '陈新',
      startedOn: '2026-06-01',
      orgIds: [fx.villageA1],
      replacesId: firstId,
    });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().history.map((h: { id: number }) => h.id)).toEqual([firstId, next.json().id]);
    const old = (await townA.get(`/api/dispatches/${firstId}`)).json();
    expect(old).toMatchObject({ status: 'rotated', endedOn: '2026-05-31', replacedById: next.json().id });
    expect((await townA.delete(`/api/dispatches/${next.json().id}`)).statusCode).toBe(200);
    expect((await townA.get('/api/dispatches?deleted=true')).json().total).toBe(1);
    expect((await townA.post(`/api/dispatches/${next.json().id}/restore`)).statusCode).toBe(200);
    const actions = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'dispatch')
      .execute();
    const names = actions.map((a) => a.action);
    for (const a of [
      'dispatches.create',
      'dispatches.rotate',
      'dispatches.presence',
      'dispatches.delete',
      'dispatches.restore',
    ])
      expect(names).toContain(a);
  });
});
