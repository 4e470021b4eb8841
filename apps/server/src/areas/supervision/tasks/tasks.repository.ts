/**
 * Every query on tasks and their targets. A task lies in its issuer's subtree (`tasks.org_path`); a target in its
 * receiving organization's (`task_targets.org_path`) and carries the issuer's path too. The issuer side reads
 * through `scoped()` on tasks; the receiving side through `scoped()` on targets, and sees a task only once issued.
 */
import type { Insertable, Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import { likeContains, subtreeRange } from '../../../db/dialect.js';
import type { DB } from '../../../db/schema/index.js';
import type { TasksTable, TaskTargetsTable } from '../../../db/schema/tasks.js';
import { type Actor, scopeRange } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Liveness, type Paging, paged, type Q, scoped } from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs } from '../../core/orgs/orgs.repository.js';

export type TaskRow = Selectable<TasksTable> & { org_name: string };
export type TargetRow = Selectable<TaskTargetsTable> & { org_name: string };
/** A target with what its moves need of its task. */
export type TargetFlowRow = Selectable<TaskTargetsTable> & { task_status: string; completion: string };
export type { Q };

/** Task states a receiver sees. */
export const VISIBLE_TO_RECEIVERS = ['issued', 'closed'] as const;
/** Target states still to be done by the receiver (past due, they are overdue). */
export const OPEN_STATES = ['pending', 'returned'] as const;

type AnyQ = SelectQueryBuilder<any, any, any>;

/** What the issuer's list asks for. */
export interface TaskFilter {
  underPath?: string;
  q?: string;
  kind?: string;
  status?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  deleted?: boolean;
  today: string;
}

function filteredTasks(db: Q, actor: Actor, f: TaskFilter): AnyQ {
  let q = scoped(db, actor, 'tasks', { as: 't', under: f.underPath, rows: f.deleted ? 'deleted' : 'live' }) as AnyQ;
  if (f.q) q = q.where(likeContains('t.title', f.q));
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.from) q = q.where('t.due_on', '>=', f.from);
  if (f.to) q = q.where('t.due_on', '<=', f.to);
  if (f.overdue != null) {
    const late = (e: any) =>
      e.and([
        e('t.status', '=', 'issued'),
        e('t.due_on', '<', f.today),
        e.exists(
          e
            .selectFrom('task_targets as g')
            .select('g.id')
            .whereRef('g.task_id', '=', 't.id')
            .where('g.status', 'in', OPEN_STATES)
            .where('g.deleted_at', 'is', null),
        ),
      ]);
    q = q.where((e: any) => (f.overdue ? late(e) : e.not(late(e))));
  }
  return q;
}

/** A page of the tasks issued by the caller's subtree, latest due first. */
export async function listTasks(db: Q, actor: Actor, f: TaskFilter, paging: Paging) {
  const order = (b: AnyQ) =>
    b
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .selectAll('t')
      .select('o.name as org_name')
      .orderBy('t.due_on', 'desc')
      .orderBy('t.id', 'desc');
  return paged(db, actor.tenantId!, filteredTasks(db, actor, f), order, paging) as Promise<{
    rows: TaskRow[];
    total: number;
  }>;
}

/** Every task of a filter (the export), in batches of ids. */
export async function* iterateTasks(db: Q, actor: Actor, f: TaskFilter, batch = 500) {
  let after = 0;
  for (;;) {
    const rows = (await filteredTasks(db, actor, f)
      .innerJoin('orgs as o', 'o.id', 't.org_id')
      .selectAll('t')
      .select('o.name as org_name')
      .where('t.id', '>', after)
      .orderBy('t.id')
      .limit(batch)
      .execute()) as TaskRow[];
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** A task of the caller's subtree (the issuer side), or undefined. */
export async function issuedByScope(db: Q, actor: Actor, id: number, rows: Liveness = 'live') {
  return (await scoped(db, actor, 'tasks', { as: 't', rows })
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select('o.name as org_name')
    .where('t.id', '=', id)
    .executeTakeFirst()) as TaskRow | undefined;
}

/** A live issued (or closed) task with a live target in the caller's subtree (the receiving side), or undefined. */
export async function receivedInScope(db: Q, actor: Actor, id: number) {
  const has = await scoped(db, actor, 'task_targets', { as: 'g' })
    .select('g.id')
    .where('g.task_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (!has) return undefined;
  return (await (db as Kysely<DB>)
    .selectFrom('tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select('o.name as org_name')
    .where('t.id', '=', id)
    .where('t.tenant_id', '=', actor.tenantId!)
    .where('t.status', 'in', VISIBLE_TO_RECEIVERS)
    .where('t.deleted_at', 'is', null)
    .executeTakeFirst()) as TaskRow | undefined;
}

/** Counts of the targets of some tasks by task and state, with those past due and still open. */
export async function targetCounts(db: Q, taskIds: number[], today: string) {
  const out = new Map<number, { targets: number; done: number; reported: number; overdue: number }>();
  if (!taskIds.length) return out;
  const rows = await db
    .selectFrom('task_targets')
    .select(['task_id', 'status', 'due_on', (e) => e.fn.countAll<number>().as('n')])
    .where('task_id', 'in', taskIds)
    .where('deleted_at', 'is', null)
    .groupBy(['task_id', 'status', 'due_on'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.task_id) ?? { targets: 0, done: 0, reported: 0, overdue: 0 };
    const n = Number(r.n);
    c.targets += n;
    if (r.status === 'done') c.done += n;
    if (r.status === 'reported') c.reported += n;
    if ((OPEN_STATES as readonly string[]).includes(r.status) && r.due_on < today) c.overdue += n;
    out.set(r.task_id, c);
  }
  return out;
}

/** The live targets of a task, inside a path range when given (a receiver sees its own), by organization. */
export async function targetsOf(db: Q, taskId: number, range?: [string, string]): Promise<TargetRow[]> {
  let q = db
    .selectFrom('task_targets as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .selectAll('g')
    .select('o.name as org_name')
    .where('g.task_id', '=', taskId)
    .where('g.deleted_at', 'is', null);
  if (range) q = q.where('g.org_path', '>=', range[0]).where('g.org_path', '<', range[1]);
  return q.orderBy('g.org_path').execute();
}

/** One live target of a task with its task's state and completion, or 404. */
export async function targetForMove(db: Q, tenantId: number, taskId: number, targetId: number) {
  const row = await db
    .selectFrom('task_targets as g')
    .innerJoin('tasks as t', 't.id', 'g.task_id')
    .selectAll('g')
    .select(['t.status as task_status', 't.completion'])
    .where('g.id', '=', targetId)
    .where('g.task_id', '=', taskId)
    .where('g.tenant_id', '=', tenantId)
    .where('g.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as TargetFlowRow;
}

/** What the receiver's inbox asks for. */
export interface InboxFilter {
  underPath?: string;
  q?: string;
  kind?: string;
  state?: string;
  overdue?: boolean;
  today: string;
}

/** A page of the targets in the caller's subtree of tasks issued from above it (issued or closed), latest due first. */
export async function inbox(db: Q, actor: Actor, f: InboxFilter, paging: Paging) {
  const [lo, hi] = scopeRange(actor);
  let q = scoped(db, actor, 'task_targets', { as: 'g', under: f.underPath })
    // Tasks issued from above the caller's subtree: those it issued itself are on its own list.
    .where((e) => e.or([e('g.issuer_path', '<', lo), e('g.issuer_path', '>=', hi)]))
    .innerJoin('tasks as t', 't.id', 'g.task_id')
    .where('t.status', 'in', VISIBLE_TO_RECEIVERS)
    .where('t.deleted_at', 'is', null) as AnyQ;
  if (f.q) q = q.where(likeContains('t.title', f.q));
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  if (f.state) q = q.where('g.status', '=', f.state);
  if (f.overdue === true) q = q.where('g.status', 'in', OPEN_STATES).where('g.due_on', '<', f.today);
  if (f.overdue === false)
    q = q.where((e: any) => e.or([e('g.status', 'not in', OPEN_STATES), e('g.due_on', '>=', f.today)]));
  const order = (b: AnyQ) =>
    b
      .innerJoin('orgs as o', 'o.id', 'g.org_id')
      .innerJoin('orgs as io', 'io.id', 't.org_id')
      .selectAll('g')
      .select([
        'o.name as org_name',
        'io.name as issuer_name',
        't.title',
        't.kind',
        't.content',
        't.start_on',
        't.completion',
        't.check_key',
        't.check_params',
        't.status as task_status',
      ])
      .orderBy('g.due_on', 'desc')
      .orderBy('g.id', 'desc');
  return paged(db, actor.tenantId!, q, order, paging) as Promise<{ rows: InboxRow[]; total: number }>;
}
export type InboxRow = TargetRow & {
  issuer_name: string;
  title: string;
  kind: string;
  content: string | null;
  start_on: string;
  completion: string;
  check_key: string | null;
  check_params: string | null;
  task_status: string;
};

/** A new task's row. */
export type NewTask = Omit<Insertable<TasksTable>, 'id'>;
/** A new target's row. */
export type NewTarget = Omit<Insertable<TaskTargetsTable>, 'id'>;

/** Inserts a task; answers its id. */
export async function insertTask(db: Q, row: NewTask): Promise<number> {
  return (await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes columns of a task outside a move (a draft's edit). */
export async function updateTask(db: Q, id: number, set: Partial<Selectable<TasksTable>>): Promise<void> {
  await db.updateTable('tasks').set(set).where('id', '=', id).execute();
}

/** Inserts targets in chunks (a county's branches). */
export async function insertTargets(db: Q, rows: NewTarget[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('task_targets')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Removes a draft's targets (a draft's receivers are chosen again; nobody has seen them). */
export async function removeDraftTargets(db: Q, taskId: number): Promise<void> {
  await db.deleteFrom('task_targets').where('task_id', '=', taskId).execute();
}

/** Copies a task's due date onto its targets (a draft's edit). */
export async function setTargetsDue(db: Q, taskId: number, dueOn: string): Promise<void> {
  await db.updateTable('task_targets').set({ due_on: dueOn }).where('task_id', '=', taskId).execute();
}

/** Soft-deletes or restores a task's targets with it. */
export async function setTargetsDeleted(db: Q, taskId: number, at: string | null): Promise<void> {
  await db.updateTable('task_targets').set({ deleted_at: at }).where('task_id', '=', taskId).execute();
}

/** Changes columns of a target outside a move (the check's last result, the alert sent). */
export async function updateTarget(db: Q, id: number, set: Partial<Selectable<TaskTargetsTable>>): Promise<void> {
  await db.updateTable('task_targets').set(set).where('id', '=', id).execute();
}

/** An organization of a tenant the issuer may target: its path, type and field. */
export interface OrgPick {
  id: number;
  name: string;
  org_path: string;
  type: string;
  field: string | null;
  parent_id: number | null;
}

/** Live organizations strictly below a path, of some types and (when given) one field. */
export async function orgsBelow(
  db: Q,
  tenantId: number,
  path: string,
  types: readonly string[],
  field?: string | null,
  q?: string,
): Promise<OrgPick[]> {
  const [lo, hi] = subtreeRange(path);
  let b = db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'type', 'field', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('type', 'in', types);
  if (field) b = b.where('field', '=', field);
  if (q) b = b.where(likeContains('name', q));
  return b.orderBy('org_path').limit(5000).execute();
}

/** Live organizations of a tenant by id. */
export async function orgsByIds(db: Q, tenantId: number, ids: number[]): Promise<OrgPick[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'type', 'field', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** A live evidence photo of a target. */
export interface PhotoRow {
  id: number;
  entity_id: number;
  mime: string;
  bytes: number;
}

/** The live evidence photos of some targets, by target id. */
export async function photosOf(db: Q, targetIds: number[]): Promise<Map<number, PhotoRow[]>> {
  const out = new Map<number, PhotoRow[]>();
  for (let i = 0; i < targetIds.length; i += 500) {
    const rows = await db
      .selectFrom('residents_photos')
      .select(['id', 'entity_id', 'mime', 'bytes'])
      .where('entity_type', '=', 'task_target')
      .where('entity_id', 'in', targetIds.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r]);
  }
  return out;
}
