/** The queries of the tasks module's daily job (record checks, alerts) and of its summary figure. */
import type { Q } from '../../../platform/data/scoped.js';
import { OPEN_STATES, VISIBLE_TO_RECEIVERS } from './tasks.repository.js';

/** A target to check from the records, with its task's check and dates. */
export interface CheckRow {
  id: number;
  tenant_id: number;
  org_id: number;
  org_path: string;
  status: string;
  task_id: number;
  check_key: string | null;
  check_params: string | null;
  start_on: string;
  due_on: string;
  check_result: string | null;
}

/** Targets not yet done of issued record-checked tasks: of one task, or of a county (the job). */
export async function targetsToCheck(db: Q, where: { tenantId: number; taskId?: number }): Promise<CheckRow[]> {
  let q = db
    .selectFrom('task_targets as g')
    .innerJoin('tasks as t', 't.id', 'g.task_id')
    .select([
      'g.id',
      'g.tenant_id',
      'g.org_id',
      'g.org_path',
      'g.status',
      'g.task_id',
      't.check_key',
      't.check_params',
      't.start_on',
      't.due_on',
      'g.check_result',
    ])
    .where('g.tenant_id', '=', where.tenantId)
    .where('g.status', '!=', 'done')
    .where('g.deleted_at', 'is', null)
    .where('t.status', '=', 'issued')
    .where('t.completion', '=', 'record')
    .where('t.deleted_at', 'is', null);
  if (where.taskId != null) q = q.where('t.id', '=', where.taskId);
  return q.orderBy('g.id').execute();
}

/** Open targets of issued tasks due on or before a day (the reminders' candidates), with their task's title. */
export async function targetsToAlert(db: Q, tenantId: number, lastDay: string) {
  return db
    .selectFrom('task_targets as g')
    .innerJoin('tasks as t', 't.id', 'g.task_id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.task_id', 'g.org_id', 'g.org_path', 'g.due_on', 'g.alerted', 't.title', 'o.name as org_name'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.status', 'in', OPEN_STATES)
    .where('g.due_on', '<=', lastDay)
    .where('g.deleted_at', 'is', null)
    .where('t.status', '=', 'issued')
    .where('t.deleted_at', 'is', null)
    .orderBy('g.id')
    .execute();
}

/** Active staff accounts sitting on some organizations (who is told at each level). */
export async function staffAt(db: Q, tenantId: number, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('tenant_id', '=', tenantId)
    .where('role', 'in', ['county_admin', 'township_admin', 'branch_secretary'])
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .where('org_id', 'in', orgIds)
    .execute();
}

/** Every county's id (the daily job runs per county). */
export async function tenants(db: Q): Promise<number[]> {
  const rows = await db
    .selectFrom('orgs')
    .select('tenant_id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** Targets in a subtree of the live issued or closed tasks due in a period (the summary figure). */
export async function targetsDueIn(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  return db
    .selectFrom('task_targets as g')
    .innerJoin('tasks as t', 't.id', 'g.task_id')
    .select(['g.org_path', 'g.status', 'g.due_on'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.org_path', '>=', lo)
    .where('g.org_path', '<', hi)
    .where('g.due_on', '>=', from)
    .where('g.due_on', '<=', to)
    .where('g.deleted_at', 'is', null)
    .where('t.status', 'in', VISIBLE_TO_RECEIVERS)
    .where('t.deleted_at', 'is', null)
    .execute();
}

/** How many live tasks the subtree issued that fall due in a period. */
export async function issuedIn(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  const r = await db
    .selectFrom('tasks')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('due_on', '>=', from)
    .where('due_on', '<=', to)
    .where('status', 'in', VISIBLE_TO_RECEIVERS)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Names of organizations by path (the summary's names of who is behind). */
export async function orgsByPaths(db: Q, tenantId: number, paths: string[]) {
  if (!paths.length) return [];
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', 'in', paths)
    .execute();
}
