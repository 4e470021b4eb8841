/**
 * Tasks down the tree on both databases: who may issue to whom (never outside the issuer's subtree), a branch
 * reporting for itself and not for a sibling, return and re-report, the roll-up county → townships → branches,
 * and a task checked from the records completing itself when the meeting is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasksFigure } from '../../src/areas/supervision/tasks/tasks.figures.js';
import { dialects } from '../harness.js';
import { draft, issued, type TasksKit, targetOf, tasksKit } from './tasks-kit.js';

describe.each(dialects())('tasks on %s', (dialect) => {
  let k: TasksKit;
  beforeAll(async () => {
    k = await tasksKit(dialect);
  });
  afterAll(() => k?.env.close());

  it('chooses targets below the issuer: by field, by township, by list', async () => {
    const all = await draft(k.county, k.fx.county, {});
    expect(all.targetList.map((g) => g.orgId).sort()).toEqual([k.fx.villageA1, k.fx.villageA2, k.fx.villageB1].sort());
    const town = await draft(k.county, k.fx.county, { targets: { mode: 'township', townshipId: k.fx.townA } });
    expect(town.targetList.map((g) => g.orgId).sort()).toEqual([k.fx.villageA1, k.fx.villageA2].sort());
    const list = await draft(k.townA, k.fx.townA, { targets: { mode: 'list', orgIds: [k.fx.villageA2] } });
    expect(list.targetList.map((g) => g.orgId)).toEqual([k.fx.villageA2]);
    expect(list.orgId).toBe(k.fx.townA);
    expect(list.status).toBe('draft');
  });

  it('refuses a target outside the issuer’s subtree, and a branch issuing at all', async () => {
    const base = {
      orgId: k.fx.townA,
      kind: 'special',
      title: '越界',
      startOn: '2026-06-01',
      dueOn: '2026-06-30',
      completion: 'evidence',
    };
    const other = await k.townA.post('/api/tasks', { ...base, targets: { mode: 'list', orgIds: [k.fx.villageB1] } });
    expect(other.statusCode).toBe(404);
    const mixed = await k.townA.post('/api/tasks', {
      ...base,
      targets: { mode: 'list', orgIds: [k.fx.villageA1, k.fx.villageB1] },
    });
    expect(mixed.statusCode).toBe(404);
    const town = await k.townA.post('/api/tasks', { ...base, targets: { mode: 'township', townshipId: k.fx.townB } });
    expect(town.statusCode).toBe(404);
    const issuer = await k.townA.post('/api/tasks', { ...base, orgId: k.fx.townB, targets: { mode: 'field' } });
    expect(issuer.statusCode).toBe(404);
    const self = await k.townA.post('/api/tasks', { ...base, targets: { mode: 'list', orgIds: [k.fx.townA] } });
    expect(self.statusCode).toBe(404);
    const branch = await k.sec.post('/api/tasks', { ...base, targets: { mode: 'field' } });
    expect(branch.statusCode).toBe(403);
    const dates = await k.county.post('/api/tasks', { ...base, dueOn: '2026-05-01', targets: { mode: 'field' } });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.code).toBe('tasks.bad_dates');
    const check = await k.county.post('/api/tasks', { ...base, completion: 'record', targets: { mode: 'field' } });
    expect(check.json().error.code).toBe('tasks.check_required');
  });

  it('shows a task to its receivers only once issued, each its own target', async () => {
    const t = await draft(k.county, k.fx.county, { title: '未下发' });
    expect((await k.sec.get(`/api/tasks/${t.id}`)).statusCode).toBe(404);
    const res = await k.county.post(`/api/tasks/${t.id}/issue`);
    expect(res.statusCode, res.body).toBe(200);
    const seen = (await k.sec.get(`/api/tasks/${t.id}`)).json();
    expect(seen.targetList.map((g: { orgId: number }) => g.orgId)).toEqual([k.fx.villageA1]);
    expect(seen.actions).toEqual([]);
    expect((await k.townB.get(`/api/tasks/${t.id}`)).json().targetList).toHaveLength(1);
    // Issued: no more changes, and only the issuer moves it.
    expect((await k.county.request('PATCH', `/api/tasks/${t.id}`, { title: '改' })).statusCode).toBe(409);
    expect((await k.townA.post(`/api/tasks/${t.id}/close`, {})).statusCode).toBe(403);
    const inbox = (await k.sec.get('/api/tasks/inbox')).json();
    expect(inbox.items.some((i: { taskId: number }) => i.taskId === t.id)).toBe(true);
    expect((await k.county.get('/api/tasks')).json().items.some((i: { id: number }) => i.id === t.id)).toBe(true);
    expect((await k.sec.get('/api/tasks')).json().total).toBe(0);
  });

  it('lets a branch report for itself, not for a sibling; the issuer returns, the branch reports again', async () => {
    const t = await issued(k.county, k.fx.county, { title: '报送与退回' });
    const mine = targetOf(t, k.fx.villageA1);
    const sibling = targetOf(t, k.fx.villageA2);
    const url = (g: { id: number }, move: string) => `/api/tasks/${t.id}/targets/${g.id}/${move}`;
    expect((await k.sec.post(url(sibling, 'report'), { text: '代报' })).statusCode).toBe(404);
    expect((await k.county.post(url(mine, 'report'), { text: '上级代报' })).statusCode).toBe(403);
    const r1 = await k.sec.post(url(mine, 'report'), { text: '已组织学习' });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(targetOf(r1.json(), k.fx.villageA1).state).toBe('reported');
    expect((await k.sec.post(url(mine, 'accept'), {})).statusCode).toBe(403);
    const back = await k.county.post(url(mine, 'return'), { reason: '请补充会议照片' });
    expect(back.statusCode, back.body).toBe(200);
    const returned = targetOf(back.json(), k.fx.villageA1);
    expect([returned.state, returned.returnReason]).toEqual(['returned', '请补充会议照片']);
    expect((await k.county.post(url(mine, 'accept'), {})).json().error.code).toBe('workflow.move_refused');
    const r2 = await k.sec.post(url(mine, 'report'), { text: '已补充照片' });
    expect(targetOf(r2.json(), k.fx.villageA1).state).toBe('reported');
    const done = await k.county.post(url(mine, 'accept'), {});
    expect(targetOf(done.json(), k.fx.villageA1)).toMatchObject({ state: 'done', reportText: '已补充照片' });
    const events = await k.env.ctx.db
      .selectFrom('timeline_events')
      .select('action')
      .where('entity_type', '=', 'task_target')
      .where('entity_id', '=', mine.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['reported', 'returned', 'reported', 'accepted']);
  });

  it('rolls progress up the tree: county → townships → branches, and the figure agrees', async () => {
    const t = await issued(k.county, k.fx.county, { title: '汇总', dueOn: '2026-06-10', startOn: '2026-06-01' });
    const url = (org: number, move: string) => `/api/tasks/${t.id}/targets/${targetOf(t, org).id}/${move}`;
    await k.sec.post(url(k.fx.villageA1, 'report'), { text: '完成' });
    await k.county.post(url(k.fx.villageA1, 'accept'), {});
    const county = (await k.county.get(`/api/tasks/${t.id}/progress`)).json();
    expect(county.total).toEqual({ targets: 3, done: 1, reported: 0, overdue: 2, rate: 33.3 });
    const rows = Object.fromEntries(county.rows.map((r: { orgId: number }) => [r.orgId, r]));
    expect(rows[k.fx.townA]).toMatchObject({ targets: 2, done: 1, overdue: 1, rate: 50, hasChildren: true });
    expect(rows[k.fx.townB]).toMatchObject({ targets: 1, done: 0, overdue: 1, rate: 0 });
    const town = (await k.townA.get(`/api/tasks/${t.id}/progress`)).json();
    expect(town.orgId).toBe(k.fx.townA);
    expect(town.rows.map((r: { orgId: number; done: number }) => [r.orgId, r.done]).sort()).toEqual(
      [
        [k.fx.villageA1, 1],
        [k.fx.villageA2, 0],
      ].sort(),
    );
    expect((await k.townA.get(`/api/tasks/${t.id}/progress?org=${k.fx.townB}`)).statusCode).toBe(404);
    const branch = (await k.sec.get(`/api/tasks/${t.id}/progress`)).json();
    expect(branch.total).toMatchObject({ targets: 1, done: 1 });
    const f = await tasksFigure.get(k.env.ctx, k.fx.county, {
      orgId: k.fx.townA,
      from: '2026-06-10',
      to: '2026-06-10',
    });
    expect(f).toMatchObject({ targets: 2, completed: 1, overdue: 1, rate: 50, issued: 0 });
    expect(f.behind).toEqual([{ orgId: k.fx.villageA2, orgName: '南村党支部', overdue: 1 }]);
    const whole = await tasksFigure.get(k.env.ctx, k.fx.county, {
      orgId: k.fx.county,
      from: '2026-06-10',
      to: '2026-06-10',
    });
    expect(whole).toMatchObject({ issued: 1, targets: 3, completed: 1, overdue: 2 });
  });

  it('completes a record-checked target by itself once the meeting is recorded', async () => {
    const t = await issued(k.county, k.fx.county, {
      kind: 'monthly_prompt',
      title: '月提示：按时召开主题党日',
      completion: 'record',
      checkKey: 'meeting_held',
      checkParams: { meetingKind: 'theme_day' },
    });
    expect(targetOf(t, k.fx.villageA1).state).toBe('pending');
    const mine = targetOf(t, k.fx.villageA1);
    const report = await k.sec.post(`/api/tasks/${t.id}/targets/${mine.id}/report`, { text: '开了' });
    expect(report.json().error.code).toBe('tasks.checked_from_records');
    const m = await k.sec.post('/api/meetings', {
      orgId: k.fx.villageA1,
      kind: 'theme_day',
      topic: '六月主题党日',
      heldOn: '2026-06-12',
      startTime: '09:00',
    });
    expect(m.statusCode, m.body).toBe(200);
    const after = (await k.sec.get(`/api/tasks/${t.id}`)).json();
    expect(targetOf(after, k.fx.villageA1)).toMatchObject({ state: 'done', doneBy: '平台记录核验' });
    const all = (await k.county.get(`/api/tasks/${t.id}`)).json();
    expect(targetOf(all, k.fx.villageA2).state).toBe('pending');
    expect(targetOf(all, k.fx.villageA2).checkResult).toContain('0 次');
  });

  it('deletes and restores a task with its targets; withdrawing hides it from receivers', async () => {
    const t = await issued(k.county, k.fx.county, { title: '撤回' });
    expect((await k.county.post(`/api/tasks/${t.id}/withdraw`, {})).statusCode).toBe(400);
    const w = await k.county.post(`/api/tasks/${t.id}/withdraw`, { reason: '重复下发' });
    expect(w.json().status).toBe('withdrawn');
    expect((await k.sec.get(`/api/tasks/${t.id}`)).statusCode).toBe(404);
    expect((await k.county.request('DELETE', `/api/tasks/${t.id}`)).statusCode).toBe(200);
    expect((await k.county.get('/api/tasks?deleted=true')).json().items.map((i: { id: number }) => i.id)).toContain(
      t.id,
    );
    expect((await k.county.post(`/api/tasks/${t.id}/restore`)).json().deletedAt).toBeNull();
    const x = await k.county.get('/api/tasks/export');
    expect(x.statusCode).toBe(200);
  });
});
