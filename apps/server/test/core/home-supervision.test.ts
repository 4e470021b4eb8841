/**
 * The supervision part of the homes (`GET /api/home`'s `supervision`): a township sees what waits below it — problems
 * open, overdue, awaiting verification, task targets overdue, weak organizations in rectification — and a branch
 * its own to-do; each count is its module's list total under the same filter, never another township's records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeT } from '@dangjian/contracts';
import { type Client, dialects, type Fixture, login, openFixture, type TestEnv } from '../harness.js';

async function ok<T = { id: number }>(res: Promise<{ statusCode: number; body: string; json(): unknown }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

const DAY = 86_400_000;

describe.each(dialects())('supervision on the homes on %s', (dialect) => {
  let env: TestEnv, fx: Fixture;
  let county: Client, townA: Client, townB: Client, secA1: Client;

  beforeAll(async () => {
    ({ env, fx, county, townA, townB, secA1 } = await openFixture(dialect, {
      county: 't-county',
      townA: 't-town-a',
      townB: 't-town-b',
      secA1: 't-sec-a1',
    }));
    // Today 2026-06-15. Village A1: one problem overdue (due 06-10), one claimed; village B1: one overdue.
    const problem = (c: Client, orgId: number, title: string) =>
      ok(c.post('/api/problems', { orgId, source: 'self_inspection', category: 'organization', title }));
    const late = await problem(townA, fx.villageA1, '活动室长期关闭');
    const fixed = await problem(townA, fx.villageA1, '公开栏未更新');
    const other = await problem(townB, fx.villageB1, '西村问题');
    for (const [c, id] of [
      [townA, late.id],
      [townA, fixed.id],
      [townB, other.id],
    ] as const)
      await ok(c.post(`/api/problems/${id}/assign`, { dueOn: '2026-06-20', responsibleName: '书记' }));
    await ok(secA1.post(`/api/problems/${fixed.id}/claim`, { claimNote: '已更新' }));
    // Two tasks to village A1 and village B1: one due before today (overdue), one still to report.
    for (const [title, dueOn] of [
      ['逾期任务', '2026-06-12'],
      ['待报任务', '2026-06-30'],
    ] as const) {
      const t = await ok(
        county.post('/api/tasks', {
          orgId: fx.county,
          kind: 'special',
          title,
          startOn: '2026-06-01',
          dueOn,
          completion: 'evidence',
          targets: { mode: 'list', orgIds: [fx.villageA1, fx.villageB1] },
        }),
      );
      await ok(county.post(`/api/tasks/${t.id}/issue`, {}));
    }
    // A weak organization's file at village A1, in rectification.
    const w = await ok(
      county.post('/api/weak-orgs', {
        orgId: fx.villageA1,
        flaggedOn: '2026-03-01',
        reasons: ['life'],
        leaderName: '李县长',
        leaderPost: '副县长',
        plan: '每月召开组织生活会',
        measures: [{ content: '健全组织生活制度', dueOn: '2026-09-30' }],
      }),
    );
    await ok(county.post(`/api/weak-orgs/${w.id}/start`, {}));
    // The problems' due day passes (the sessions too: everyone signs in again).
    env.clock.advance(7 * DAY);
    [county, townA, townB, secA1] = await Promise.all(
      [fx.users.county, fx.users.townA, fx.users.townB, fx.users.secA1].map((u) => login(env.app, u.username)),
    );
  }, 120_000);
  afterAll(() => env.close());

  const home = async (c: Client) => (await ok<HomeT>(c.get('/api/home'))).supervision!;
  const total = async (c: Client, url: string) => (await ok<{ total: number }>(c.get(url))).total;

  it("a township's home counts what waits below it, each the list's total, nothing of another township", async () => {
    const s = await home(townA);
    expect(s).toMatchObject({
      problemsOpen: 2,
      problemsOverdue: 1,
      problemsAwaiting: 1,
      tasksOverdue: 1,
      weakRectifying: 1,
      weakCheckupsDue: 1,
    });
    expect(s.problemsOverdue).toBe(await total(townA, `/api/problems?org=${fx.townA}&overdue=true`));
    expect(s.problemsAwaiting).toBe(await total(townA, `/api/problems?org=${fx.townA}&status=claimed`));
    expect(s.tasksOverdue).toBe(await total(townA, `/api/tasks/inbox?org=${fx.townA}&overdue=true`));
    expect(s.weakRectifying).toBe(await total(townA, `/api/weak-orgs?org=${fx.townA}&status=rectifying`));
    expect(s.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['task', 'problem', 'weak_org']));
    expect(s.items.every((i) => i.orgName !== '西村党支部')).toBe(true);
    const b = await home(townB);
    expect(b).toMatchObject({ problemsOpen: 1, problemsOverdue: 1, problemsAwaiting: 0, weakRectifying: 0 });
  });

  it("a branch's home shows its own to-do: tasks to report, problems to rectify, its file's check-ups", async () => {
    const s = await home(secA1);
    expect(s).toMatchObject({ tasksToReport: 2, problemsToRectify: 1, problemsAwaiting: 1, weakCheckupsDue: 1 });
    expect(s.tasksToReport).toBe(
      (await total(secA1, '/api/tasks/inbox?status=pending')) +
        (await total(secA1, '/api/tasks/inbox?status=returned')),
    );
    const c = await home(county);
    expect(c.problemsOpen).toBe(3);
  });
});
