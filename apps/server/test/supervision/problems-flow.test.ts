/**
 * The problem flow through the API on both databases: the allowed and refused moves as a table; the verifier who
 * is not the fixer (the same user refused, another user of the township allowed); a failed verification; the
 * follow-up check that holds and the one that reopens, history kept; overdue at its boundary with the clock.
 */
import { addDays } from '@dangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindProblems } from '../../src/areas/supervision/problems/problems.reminders.js';
import { type Client, dialects, login } from '../harness.js';
import { dayOf, openProblems, type ProblemsCounty, record } from './problems-kit.js';

const DAY = 86_400_000;

describe.each(dialects())('the problem flow on %s', (dialect) => {
  let t: ProblemsCounty;
  beforeAll(async () => {
    t = await openProblems(dialect);
  });
  afterAll(() => t.env.close());

  it('moves allowed and refused, state by state', async () => {
    const { secA1, townA, townA2, townB, fx } = t;
    const p = await record(secA1, fx.villageA1);
    expect(p).toMatchObject({ status: 'found', source: 'self_inspection', categoryName: '组织建设', actions: [] });
    expect((await townA.get(`/api/problems/${p.id}`)).json().actions).toEqual(['assign']);
    const due = addDays(dayOf(t.env), 30);
    type Row = [state: string, who: Client, path: string, body: object, status: number, code?: string];
    const rows: Row[] = [
      ['found', secA1, 'start', {}, 409, 'workflow.move_refused'],
      ['found', secA1, 'claim', { claimNote: '已整改' }, 409, 'workflow.move_refused'],
      ['found', townA, 'verify', {}, 409, 'workflow.move_refused'],
      ['found', secA1, 'assign', { responsibleName: '张三', dueOn: due }, 403, 'forbidden'],
      ['found', townB, 'assign', { responsibleName: '张三', dueOn: due }, 404, 'not_found'],
      ['found', townA, 'assign', { responsibleName: '张三', dueOn: '2020-01-01' }, 400, 'problems.due_in_past'],
      ['found', townA, 'assign', { responsibleName: '张三', dueOn: due }, 200],
      ['assigned', townA, 'assign', { responsibleName: '张三', dueOn: due }, 409, 'workflow.move_refused'],
      ['assigned', townA, 'verify', {}, 409, 'workflow.move_refused'],
      ['assigned', townA, 'follow-up', { holds: true, result: '巩固' }, 409, 'workflow.move_refused'],
      ['assigned', secA1, 'start', {}, 200],
      ['rectifying', secA1, 'claim', { claimNote: '' }, 400, 'validation'],
      ['rectifying', secA1, 'claim', { claimNote: '补齐了党小组会记录' }, 200],
      ['claimed', secA1, 'claim', { claimNote: '再报' }, 409, 'workflow.move_refused'],
      ['claimed', secA1, 'verify', {}, 403, 'forbidden'],
      ['claimed', townA2, 'reject', { reason: '' }, 400, 'validation'],
      ['claimed', townA2, 'reject', { reason: '记录补得不完整' }, 200],
      ['assigned', secA1, 'claim', { claimNote: '全部补齐，支委会复核' }, 200],
      ['claimed', townA2, 'verify', { note: '验收合格' }, 200],
      ['closed', secA1, 'start', {}, 409, 'workflow.move_refused'],
      ['closed', townA, 'reject', { reason: 'x' }, 409, 'workflow.move_refused'],
    ];
    for (const [state, who, path, body, status, code] of rows) {
      expect((await t.county.get(`/api/problems/${p.id}`)).json().status, `${path} from ${state}`).toBe(state);
      const res = await who.post(`/api/problems/${p.id}/${path}`, body);
      expect(res.statusCode, `${path} from ${state}: ${res.body}`).toBe(status);
      if (code) expect(res.json().error.code).toBe(code);
    }
    const done = (await townA.get(`/api/problems/${p.id}`)).json();
    expect(done).toMatchObject({
      status: 'closed',
      noticeNo: '交办〔2026〕1号',
      responsibleName: '张三',
      dueOn: due,
      closedOn: dayOf(t.env),
      followUpDue: '2026-09-15',
      claimedBy: 't-sec-a1',
      verifiedBy: 't-town-a2',
    });
    expect(done.events.map((e: { kind: string }) => e.kind)).toEqual([
      'found',
      'assigned',
      'started',
      'claimed',
      'rejected',
      'claimed',
      'verified',
    ]);
    expect(done.actions).toEqual(['followUp', 'reopen']);
  });

  it('the verifier is not the fixer: the same user refused, another of the township allowed', async () => {
    const { townA, townA2, fx } = t;
    const p = await record(townA, fx.villageA2, '便民服务站无人值守', 'service');
    await townA.post(`/api/problems/${p.id}/assign`, { responsibleName: '李四' });
    // The township user fixes it themselves …
    expect((await townA.post(`/api/problems/${p.id}/claim`, { claimNote: '已安排专人值守' })).statusCode).toBe(200);
    // … so cannot verify it, nor fail it: someone else of the same level or above does.
    const self = await townA.post(`/api/problems/${p.id}/verify`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('problems.verifier_is_fixer');
    expect((await townA.post(`/api/problems/${p.id}/reject`, { reason: 'x' })).json().error.code).toBe(
      'problems.verifier_is_fixer',
    );
    expect((await townA.get(`/api/problems/${p.id}`)).json().actions).toEqual([]);
    expect((await townA2.get(`/api/problems/${p.id}`)).json().actions).toEqual(['verify', 'reject']);
    // Another township is not above it: it does not even see it.
    expect((await t.townB.post(`/api/problems/${p.id}/verify`, {})).statusCode).toBe(404);
    const ok = await townA2.post(`/api/problems/${p.id}/verify`, {});
    expect(ok.json()).toMatchObject({ status: 'closed', verifiedBy: 't-town-a2', claimedBy: 't-town-a' });
    // The due date came from the rules: 服务群众 15 days.
    expect(ok.json().dueOn).toBe(addDays(dayOf(t.env), 15));
  });

  it('the member responsible for the fix cannot verify it either', async () => {
    const { county, townA, fx } = t;
    const p = await record(townA, fx.townA, '乡镇值班制度落实不到位', 'conduct');
    // The county names the township's member as responsible; a township account of that member may not verify.
    await county.post(`/api/problems/${p.id}/assign`, {
      responsibleName: '东乡乙',
      responsibleMemberId: fx.memberIn.townA,
    });
    await county.post(`/api/problems/${p.id}/claim`, { claimNote: '已建立值班台账' });
    const member = await t.env.ctx.db
      .updateTable('users')
      .set({ member_id: fx.memberIn.townA })
      .where('username', '=', 't-town-a2')
      .executeTakeFirst();
    expect(Number(member.numUpdatedRows)).toBe(1);
    const res = await t.townA2.post(`/api/problems/${p.id}/verify`, {});
    expect(res.json().error.code).toBe('problems.verifier_is_fixer');
    await t.env.ctx.db.updateTable('users').set({ member_id: null }).where('username', '=', 't-town-a2').execute();
    expect((await t.townA2.post(`/api/problems/${p.id}/verify`, {})).json().status).toBe('closed');
    // A member outside the caller's subtree is refused as responsible.
    const q = await record(townA, fx.villageA1, '党费收缴不及时', 'organization');
    const outside = await townA.post(`/api/problems/${q.id}/assign`, {
      responsibleName: '王五',
      responsibleMemberId: fx.memberIn.villageB1,
    });
    expect(outside.json().error.code).toBe('problems.member_outside');
  });

  it('the follow-up check: holds (stays closed) or reopens with a new due date, history kept', async () => {
    const { secA1, townA, townA2, fx } = t;
    const p = await record(secA1, fx.villageA1, '人居环境整治不彻底', 'key_work');
    await townA.post(`/api/problems/${p.id}/assign`, { responsibleName: '张三' });
    await secA1.post(`/api/problems/${p.id}/claim`, { claimNote: '垃圾已清运' });
    await townA2.post(`/api/problems/${p.id}/verify`, {});
    const holds = await townA.post(`/api/problems/${p.id}/follow-up`, { holds: true, result: '未发现反弹' });
    expect(holds.json()).toMatchObject({ status: 'closed', followedUpOn: dayOf(t.env), reopened: 0 });
    expect(holds.json().followUpResult).toBe('未发现反弹');
    // A reopening needs a due date in the future (a past one is refused); a branch cannot follow up.
    expect((await secA1.post(`/api/problems/${p.id}/follow-up`, { holds: false, result: 'x' })).statusCode).toBe(403);
    const past = await townA.post(`/api/problems/${p.id}/follow-up`, {
      holds: false,
      result: 'x',
      dueOn: '2026-01-01',
    });
    expect(past.json().error.code).toBe('problems.due_in_past');
    const due = addDays(dayOf(t.env), 20);
    const reopened = await townA.post(`/api/problems/${p.id}/follow-up`, {
      holds: false,
      result: '垃圾又有堆积',
      dueOn: due,
    });
    expect(reopened.json()).toMatchObject({ status: 'assigned', dueOn: due, reopened: 1, closedOn: null });
    expect(reopened.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'found',
      'assigned',
      'claimed',
      'verified',
      'followed_up',
      'reopened',
    ]);
    expect((await townA.get('/api/problems?status=assigned&q=人居环境')).json().items[0]).toMatchObject({
      reopened: 1,
    });
    // Fixed again, verified again: a second follow-up falls due.
    await secA1.post(`/api/problems/${p.id}/claim`, { claimNote: '建立保洁长效机制' });
    expect((await townA2.post(`/api/problems/${p.id}/verify`, {})).json().status).toBe('closed');
  });

  it('overdue at its boundary: due today is not, the day after is; reminders once, escalation above', async () => {
    const { fx, env } = t;
    let { secA1, townA } = t;
    // Sessions lapse while the clock jumps days: sign in again after each jump.
    const again = async () => {
      secA1 = await login(env.app, 't-sec-a1');
      townA = await login(env.app, 't-town-a');
    };
    const p = await record(secA1, fx.villageA1, '民情走访台账不全', 'service');
    const due = addDays(dayOf(env), 3);
    await townA.post(`/api/problems/${p.id}/assign`, { responsibleName: '张三', dueOn: due });
    const overdueIds = async () =>
      (await townA.get('/api/problems?overdue=true&pageSize=100')).json().items.map((i: { id: number }) => i.id);
    expect(await overdueIds()).not.toContain(p.id);
    // The reminder reaches the branch secretary within the warning days (5), once.
    const first = await remindProblems(env.ctx, env.clock.now, fx.county);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await remindProblems(env.ctx, env.clock.now, fx.county)).reminded).toBe(0);
    env.clock.advance(3 * DAY);
    await again();
    expect(dayOf(env)).toBe(due);
    expect((await secA1.get(`/api/problems/${p.id}`)).json().overdue).toBe(false);
    expect(await overdueIds()).not.toContain(p.id);
    env.clock.advance(DAY);
    await again();
    expect((await secA1.get(`/api/problems/${p.id}`)).json().overdue).toBe(true);
    expect(await overdueIds()).toContain(p.id);
    expect(
      (await townA.get('/api/problems?overdue=false&pageSize=100')).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(p.id);
    // Overdue: the township above is told, once.
    const esc = await remindProblems(env.ctx, env.clock.now, fx.county);
    expect(esc.escalated).toBeGreaterThanOrEqual(1);
    expect((await remindProblems(env.ctx, env.clock.now, fx.county)).escalated).toBe(0);
    const notes = (await townA.get('/api/notifications')).json().items;
    expect(notes.some((n: { title: string }) => n.title.includes('已逾期'))).toBe(true);
    const secNotes = (await secA1.get('/api/notifications')).json().items;
    expect(secNotes.some((n: { title: string }) => n.title.includes('即将到期'))).toBe(true);
    // Claimed, it is no longer overdue (it awaits the verification).
    await secA1.post(`/api/problems/${p.id}/claim`, { claimNote: '台账已补齐' });
    expect((await secA1.get(`/api/problems/${p.id}`)).json().overdue).toBe(false);
    env.clock.advance(-4 * DAY);
    t.secA1 = await login(env.app, 't-sec-a1');
    t.townA = await login(env.app, 't-town-a');
  });
});
