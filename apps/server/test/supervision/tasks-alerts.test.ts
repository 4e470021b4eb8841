/**
 * The daily job of tasks with a controlled day, on both databases: the alert climbs a level at 10 days before the
 * due date (the branch's secretary), at 3 days (also the township) and once overdue (also the county); a second run
 * on any day sends nothing again; a done target is never alerted; the job checks record tasks too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTasksJob, thresholdOf, upTheTree } from '../../src/areas/supervision/tasks/tasks.reminders.js';
import { dialects } from '../harness.js';
import { issued, type TasksKit, targetOf, tasksKit } from './tasks-kit.js';

/** 08:00 in China on a day. */
const at = (day: string) => new Date(`${day}T00:00:00Z`);

describe('alert thresholds', () => {
  it('reaches remind at 10 days, escalate at 3, overdue the day after due', () => {
    const r = { remindDays: 10, escalateDays: 3 };
    expect(thresholdOf('2026-07-15', '2026-07-04', r)).toBeNull();
    expect(thresholdOf('2026-07-15', '2026-07-05', r)).toBe('remind');
    expect(thresholdOf('2026-07-15', '2026-07-11', r)).toBe('remind');
    expect(thresholdOf('2026-07-15', '2026-07-12', r)).toBe('escalate');
    expect(thresholdOf('2026-07-15', '2026-07-15', r)).toBe('escalate');
    expect(thresholdOf('2026-07-15', '2026-07-16', r)).toBe('overdue');
    expect(upTheTree('/1/17/33/', 0)).toEqual([33]);
    expect(upTheTree('/1/17/33/', 2)).toEqual([1, 17, 33]);
    expect(upTheTree('/1/17/33/', 3)).toEqual([1, 17, 33]);
  });
});

describe.each(dialects())('task alerts on %s', (dialect) => {
  let k: TasksKit;
  let taskId = 0;
  beforeAll(async () => {
    k = await tasksKit(dialect);
    const t = await issued(k.county, k.fx.county, { title: '逐级预警', startOn: '2026-06-15', dueOn: '2026-07-15' });
    taskId = t.id;
    // villageA2's target is done: it is never alerted.
    const a2 = targetOf(t, k.fx.villageA2);
    await k.env.ctx.db.updateTable('task_targets').set({ status: 'done' }).where('id', '=', a2.id).execute();
  });
  afterAll(() => k?.env.close());

  /** The task alerts each fixture account holds, by threshold. */
  async function received() {
    const rows = await k.env.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', 'like', 'reminder.tasks.%')
      .execute();
    const who = { [k.fx.users.secA1.id]: 'sec', [k.fx.users.townA.id]: 'townA', [k.fx.users.townB.id]: 'townB' };
    who[k.fx.users.county.id] = 'county';
    return rows.map((r) => `${who[r.user_id] ?? r.user_id}:${r.kind.slice('reminder.tasks.'.length)}`).sort();
  }

  it('sends nothing before the first threshold', async () => {
    expect(await runTasksJob(k.env.ctx, at('2026-07-04'), k.fx.county)).toEqual({ checked: 0, notified: 0 });
    expect(await received()).toEqual([]);
  });

  it('tells the branch at 10 days, once', async () => {
    expect((await runTasksJob(k.env.ctx, at('2026-07-05'), k.fx.county)).notified).toBe(1);
    expect((await runTasksJob(k.env.ctx, at('2026-07-05'), k.fx.county)).notified).toBe(0);
    expect((await runTasksJob(k.env.ctx, at('2026-07-08'), k.fx.county)).notified).toBe(0);
    expect(await received()).toEqual(['sec:remind']);
  });

  it('tells the township too at 3 days, once (each township of its own branch)', async () => {
    expect((await runTasksJob(k.env.ctx, at('2026-07-12'), k.fx.county)).notified).toBe(3);
    expect((await runTasksJob(k.env.ctx, at('2026-07-13'), k.fx.county)).notified).toBe(0);
    expect(await received()).toEqual(['sec:escalate', 'sec:remind', 'townA:escalate', 'townB:escalate']);
  });

  it('tells the county too once overdue, once per target', async () => {
    expect((await runTasksJob(k.env.ctx, at('2026-07-16'), k.fx.county)).notified).toBe(5);
    expect((await runTasksJob(k.env.ctx, at('2026-07-20'), k.fx.county)).notified).toBe(0);
    expect(await received()).toEqual([
      'county:overdue',
      'county:overdue',
      'sec:escalate',
      'sec:overdue',
      'sec:remind',
      'townA:escalate',
      'townA:overdue',
      'townB:escalate',
      'townB:overdue',
    ]);
    const stored = await k.env.ctx.db
      .selectFrom('task_targets')
      .select(['org_id', 'alerted'])
      .where('task_id', '=', taskId)
      .execute();
    const byOrg = Object.fromEntries(stored.map((s) => [s.org_id, s.alerted]));
    expect(byOrg).toEqual({ [k.fx.villageA1]: 'overdue', [k.fx.villageA2]: null, [k.fx.villageB1]: 'overdue' });
  });

  it('checks record tasks in the same run', async () => {
    const t = await issued(k.county, k.fx.county, {
      title: '主题党日核验',
      completion: 'record',
      checkKey: 'meeting_held',
      checkParams: { meetingKind: 'theme_day' },
      startOn: '2026-06-01',
      dueOn: '2026-12-30',
    });
    const m = await k.county.post('/api/meetings', {
      orgId: k.fx.villageB1,
      kind: 'theme_day',
      topic: '主题党日',
      heldOn: '2026-06-14',
      startTime: '09:00',
    });
    expect(m.statusCode, m.body).toBe(200);
    expect((await runTasksJob(k.env.ctx, at('2026-06-15'), k.fx.county)).checked).toBe(1);
    const row = await k.env.ctx.db
      .selectFrom('task_targets')
      .select(['status', 'done_by_name'])
      .where('task_id', '=', t.id)
      .where('org_id', '=', k.fx.villageB1)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'done', done_by_name: '平台记录核验' });
  });
});
