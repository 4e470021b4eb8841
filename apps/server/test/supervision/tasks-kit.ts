/** The set-up the tasks tests share: a county with clients of each role, and a task issued by the county. */
import type { TaskDetailT } from '@dangjian/contracts';
import { expect } from 'vitest';
import type { DialectName } from '../../src/db/database.js';
import { buildFixture, type Client, createEnv, type Fixture, signInAll, type TestEnv, TestClock } from '../harness.js';

export interface TasksKit {
  env: TestEnv;
  fx: Fixture;
  county: Client;
  townA: Client;
  townB: Client;
  sec: Client;
}

/** The day the tests run on (China): 2026-06-15. */
export const TODAY = '2026-06-15';

/** A fresh county with the clients of each role. */
export async function tasksKit(dialect: DialectName): Promise<TasksKit> {
  const env = await createEnv(dialect, {}, new TestClock(new Date(`${TODAY}T02:00:00Z`)));
  const fx = await buildFixture(env);
  const clients = await signInAll(env.app, {
    county: 't-county',
    townA: 't-town-a',
    townB: 't-town-b',
    sec: 't-sec-a1',
  });
  return { env, fx, ...clients };
}

/** Drafts a task of `orgId` through the API as `by` and answers it (200 expected). */
export async function draft(by: Client, orgId: number, body: Record<string, unknown>): Promise<TaskDetailT> {
  const res = await by.post('/api/tasks', {
    orgId,
    kind: 'biweekly',
    title: '双周计划：学习贯彻全会精神',
    startOn: '2026-06-01',
    dueOn: '2026-06-30',
    completion: 'evidence',
    targets: { mode: 'field', level: 'branch', field: 'rural' },
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Drafts and issues a task of `orgId` as `by`; answers it issued. */
export async function issued(by: Client, orgId: number, body: Record<string, unknown> = {}): Promise<TaskDetailT> {
  const t = await draft(by, orgId, body);
  const res = await by.post(`/api/tasks/${t.id}/issue`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The target of an organization in a task's answer. */
export function targetOf(t: TaskDetailT, orgId: number) {
  const g = t.targetList.find((x) => x.orgId === orgId);
  if (!g) throw new Error(`no target of ${orgId}`);
  return g;
}
