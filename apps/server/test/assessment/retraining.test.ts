/**
 * Retraining of cadres (淬火整训) through the API on both databases: the township suspends a village cadre (not a
 * township's member, once while open); classes recorded; the test refused before the hours of the rule, judged by
 * the pass mark; reinstated only after a passed test, removed with who decided and why; the village sees its own
 * files, a sibling's are 404, the cadre sees its own; soft delete and restore; the figure; the moves as a table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

const suspendBody = (memberId: number, more: Record<string, unknown> = {}) => ({
  memberId,
  post: 'director',
  reasons: ['inaction', 'satisfaction'],
  evidence: '群众反映的饮水问题长期推诿，满意度测评不满意率42%',
  suspendedOn: '2026-03-02',
  ...more,
});
const CLASS = (heldOn: string, hours: number, present = true) => ({
  heldOn,
  topic: '《不忘初心，做一名合格的村干部》',
  hours,
  present,
});
const decision = { decidedBy: '东乡镇党委会议', reason: '整训测试合格，同意复职' };

describe.each(dialects())('retraining of cadres on %s', (dialect) => {
  let env: TestEnv;
  let fx: Fixture;
  let county: Client;
  let townA: Client;
  let townB: Client;
  let secA1: Client;
  let memberA1: Client;
  let id: number;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
    memberA1 = await login(env.app, 't-member-a1');
  });
  afterAll(() => env.close());

  it('the township suspends a village cadre, once while the file is open', async () => {
    expect((await secA1.post('/api/retraining', suspendBody(fx.memberIn.villageA1))).statusCode).toBe(403);
    expect((await townB.post('/api/retraining', suspendBody(fx.memberIn.villageA1))).statusCode).toBe(404);
    const town = await townA.post('/api/retraining', suspendBody(fx.memberIn.townA));
    expect(town.json().error.code).toBe('retraining.not_village');
    const noReason = await townA.post('/api/retraining', suspendBody(fx.memberIn.villageA1, { reasons: [] }));
    expect(noReason.json().error).toMatchObject({ code: 'retraining.reason_required' });
    const res = await townA.post('/api/retraining', suspendBody(fx.memberIn.villageA1));
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'suspended',
      cadreName: '张三',
      orgName: '东村党支部',
      townshipName: '东乡镇党委',
      suspendedBy: 'township',
      dueOn: '2026-06-02',
      overdue: true,
      actions: ['start', 'remove'],
    });
    const again = await county.post('/api/retraining', suspendBody(fx.memberIn.villageA1));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('retraining.already_open');
  });

  it('the village sees its own, a sibling township nothing, the cadre its own file', async () => {
    expect((await secA1.get('/api/retraining')).json().total).toBe(1);
    expect((await secA1.get(`/api/retraining/${id}`)).json().actions).toEqual([]);
    expect((await townB.get(`/api/retraining/${id}`)).statusCode).toBe(404);
    expect((await townB.get('/api/retraining')).json().total).toBe(0);
    expect((await memberA1.get('/api/retraining')).json().total).toBe(1);
    expect((await memberA1.get(`/api/retraining/${id}`)).statusCode).toBe(200);
    const list = (await county.get('/api/retraining?status=suspended')).json();
    expect(list.items[0]).not.toHaveProperty('idNumber');
    expect(JSON.stringify(list)).not.toMatch(/139\d{8}/);
  });

  it('classes, the test after the hours, the pass mark, the decision', async () => {
    expect((await townA.post(`/api/retraining/${id}/classes`, CLASS('2026-03-10', 4))).json().error.code).toBe(
      'retraining.wrong_state',
    );
    expect((await townA.post(`/api/retraining/${id}/start`, {})).json().status).toBe('training');
    const early = await townA.post(`/api/retraining/${id}/classes`, CLASS('2026-03-01', 4));
    expect(early.json().error.code).toBe('retraining.date_range');
    await townA.post(`/api/retraining/${id}/classes`, CLASS('2026-03-10', 8));
    await townA.post(`/api/retraining/${id}/classes`, CLASS('2026-03-17', 8, false));
    const test = { testedOn: '2026-05-20', score: 72, assessment: '认真学习，深刻反思' };
    const short = await townA.post(`/api/retraining/${id}/test`, test);
    expect(short.json().error.code).toBe('retraining.hours_short');
    for (const day of ['2026-03-24', '2026-03-31']) await townA.post(`/api/retraining/${id}/classes`, CLASS(day, 8));
    const file = (await townA.get(`/api/retraining/${id}`)).json();
    expect(file).toMatchObject({ hoursAttended: 24, classesAttended: 3, classesMissed: 1 });
    const failed = (await townA.post(`/api/retraining/${id}/test`, { ...test, score: 59.5 })).json();
    expect(failed).toMatchObject({ status: 'tested', testScore: 59.5, testPassed: false });
    expect(failed.actions).toEqual(['retest', 'remove']);
    const refused = await townA.post(`/api/retraining/${id}/reinstate`, decision);
    expect(refused.json().error.code).toBe('retraining.not_passed');
    expect((await townA.post(`/api/retraining/${id}/retest`, {})).json().status).toBe('training');
    const passed = (await townA.post(`/api/retraining/${id}/test`, { ...test, score: 60 })).json();
    expect(passed).toMatchObject({ testPassed: true, actions: ['retest', 'reinstate', 'remove'] });
    const done = (await townA.post(`/api/retraining/${id}/reinstate`, decision)).json();
    expect(done).toMatchObject({
      status: 'reinstated',
      decidedOn: '2026-06-15',
      decidedBy: '东乡镇党委会议',
      decisionReason: '整训测试合格，同意复职',
      actions: [],
    });
    expect(done.events.map((e: { kind: string }) => e.kind)).toEqual([
      'suspended',
      'started',
      'class',
      'class',
      'class',
      'class',
      'tested',
      'retrained',
      'tested',
      'reinstated',
    ]);
    const closed = await townA.patch(`/api/retraining/${id}`, { evidence: '改' });
    expect(closed.json().error.code).toBe('retraining.closed');
  });

  it('removal at any open step, with who decided; soft delete and restore', async () => {
    const b = (await townA.post('/api/retraining', suspendBody(fx.memberIn.villageA2, { post: 'secretary' }))).json();
    const noReason = await townA.post(`/api/retraining/${b.id}/remove`, { decidedBy: '东乡镇党委', reason: '' });
    expect(noReason.statusCode).toBe(400);
    const removed = (
      await county.post(`/api/retraining/${b.id}/remove`, { decidedBy: '县委组织部', reason: '劝退' })
    ).json();
    expect(removed).toMatchObject({ status: 'removed', decidedBy: '县委组织部' });
    expect((await townA.delete(`/api/retraining/${b.id}`)).statusCode).toBe(200);
    expect((await townA.get('/api/retraining')).json().total).toBe(1);
    expect((await townA.get('/api/retraining?deleted=true')).json().total).toBe(1);
    expect((await townA.post(`/api/retraining/${b.id}/restore`)).json().deletedAt).toBeNull();
  });

  it('the figure counts the year per township', async () => {
    const f = (await county.get('/api/stats/retraining?year=2026')).json();
    expect(f).toMatchObject({ suspended: 2, inRetraining: 0, reinstated: 1, removed: 1, hours: 24 });
    const a = f.rows.find((r: { orgId: number }) => r.orgId === fx.townA);
    expect(a).toMatchObject({ suspended: 2, reinstated: 1, removed: 1 });
    expect(f.byReason.find((r: { reason: string }) => r.reason === 'inaction').count).toBe(2);
    const old = (await county.get('/api/stats/retraining?year=2025')).json();
    expect(old.suspended).toBe(0);
    const xlsx = await county.get('/api/stats/retraining/export?year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect((await county.get('/api/retraining/export')).statusCode).toBe(200);
  });
});
