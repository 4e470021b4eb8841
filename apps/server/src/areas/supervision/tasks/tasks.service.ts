/**
 * Tasks (任务督办): the issuer's list, a task with its targets, timeline and moves, the draft's creation and
 * changes, soft delete and restore. A task is seen by its issuer's subtree, and once issued by the subtrees of its
 * targets (each its own targets only). The moves, the inbox and the roll-up are in `tasks.moves.ts`.
 */
import {
  chinaToday,
  type TaskCheckParamsT,
  type TaskCreateT,
  type TaskDetailT,
  type TaskItemT,
  type TaskListQueryT,
  type TaskPatchT,
  type TaskTargetSpecT,
  type TaskTargetT,
} from '@dangjian/contracts';
import { type Actor, requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import { allowedActions, asUser, authorOf } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { checkTask } from './tasks.checks.js';
import * as repo from './tasks.repository.js';
import { checkOf, fieldError, type Issuer, resolveTargets } from './tasks.targets.js';
import { targetFlow, taskFlow } from './tasks.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

type Counts = { targets: number; done: number; reported: number; overdue: number };
const NONE: Counts = { targets: 0, done: 0, reported: 0, overdue: 0 };

/** Completion rate in percent with one decimal (0 when there is nothing to do). */
export const rateOf = (done: number, of: number) => (of ? Math.round((done / of) * 1000) / 10 : 0);

/** Whether a target is overdue on a day: still to be done (pending or sent back) and past its due date. */
export function isOverdue(t: { status: string; due_on: string }, today: string): boolean {
  return (t.status === 'pending' || t.status === 'returned') && t.due_on < today;
}

/** Counts of some targets. */
export function countTargets(rows: { status: string; due_on: string }[], today: string): Counts {
  const c = { ...NONE };
  for (const r of rows) {
    c.targets++;
    if (r.status === 'done') c.done++;
    if (r.status === 'reported') c.reported++;
    if (isOverdue(r, today)) c.overdue++;
  }
  return c;
}

/** The API item of a task row with its counts. */
export function present(r: repo.TaskRow, c: Counts, today: string): TaskItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as TaskItemT['kind'],
    title: r.title,
    content: r.content,
    startOn: r.start_on,
    dueOn: r.due_on,
    completion: r.completion as TaskItemT['completion'],
    checkKey: r.check_key as TaskItemT['checkKey'],
    checkParams: r.check_params ? (JSON.parse(r.check_params) as TaskCheckParamsT) : null,
    status: r.status as TaskItemT['status'],
    targetSpec: JSON.parse(r.target_spec) as TaskTargetSpecT,
    issuedAt: r.issued_at,
    closedAt: r.closed_at,
    pastDue: r.status === 'issued' && r.due_on < today,
    ...c,
    rate: rateOf(c.done, c.targets),
    ...stampsOf(r),
  };
}

/** The API item of a target, with its photos and the moves the caller may make. */
export function presentTarget(
  t: repo.TargetRow,
  photos: repo.PhotoRow[],
  actions: string[],
  today: string,
): TaskTargetT {
  return {
    id: t.id,
    taskId: t.task_id,
    orgId: t.org_id,
    orgName: t.org_name,
    state: t.status as TaskTargetT['state'],
    overdue: isOverdue(t, today),
    reportText: t.report_text,
    photos: photos.map((p) => ({
      id: p.id,
      mime: p.mime,
      bytes: Number(p.bytes),
      url: `/api/tasks/${t.task_id}/targets/${t.id}/photos/${p.id}`,
    })),
    reportedAt: t.reported_at,
    reportedByName: t.reported_by_name,
    doneAt: t.done_at,
    doneBy: t.done_by_name,
    returnReason: t.return_reason,
    checkedAt: t.checked_at,
    checkResult: t.check_result,
    actions,
  };
}

/** The tasks issued by the caller's subtree (or one organization of it), latest due first. */
export async function list(ctx: Ctx, actor: Actor, query: TaskListQueryT): Promise<Listed<TaskItemT>> {
  requireCapability(actor, 'tasks.read');
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total } = await repo.listTasks(ctx.db, actor, toFilter(query, underPath, today), pagingOf(query));
  const counts = await repo.targetCounts(
    ctx.db,
    rows.map((r) => r.id),
    today,
  );
  return { items: rows.map((r) => present(r, counts.get(r.id) ?? NONE, today)), total };
}

/** The repository filter of a list query. */
export function toFilter(query: TaskListQueryT, underPath: string | undefined, today: string): repo.TaskFilter {
  const { q, kind, status, overdue, from, to, deleted } = query;
  return { underPath, q: q?.trim() || undefined, kind, status, overdue, from, to, deleted, today };
}

/** A task the caller sees, and whether from the issuing side (404 otherwise; a receiver never sees a deleted one). */
export async function visibleTask(ctx: Ctx, actor: Actor, id: number): Promise<{ t: repo.TaskRow; issuer: boolean }> {
  const own = await repo.issuedByScope(ctx.db, actor, id, 'any');
  if (own) return { t: own, issuer: true };
  const t = await repo.receivedInScope(ctx.db, actor, id);
  if (!t) throw notFound();
  return { t, issuer: false };
}

/** A live task of the caller's issuing side: 404 when unseen, 403 for a receiver. */
export async function issuerTask(ctx: Ctx, actor: Actor, id: number): Promise<repo.TaskRow> {
  const { t, issuer } = await visibleTask(ctx, actor, id);
  if (!issuer) throw new DomainError('forbidden', { reason: 'the issuing side changes a task' });
  if (t.deleted_at) throw notFound();
  return t;
}

/** One task with the targets the caller sees, its timeline and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<TaskDetailT> {
  requireCapability(actor, 'tasks.read');
  let { t, issuer } = await visibleTask(ctx, actor, id);
  // A task checked from the records is checked again when read: a meeting recorded since shows done at once.
  if (t.status === 'issued' && t.completion === 'record' && !t.deleted_at && (await checkTask(ctx, t.tenant_id, id)))
    ({ t, issuer } = await visibleTask(ctx, actor, id));
  const today = todayOf(ctx);
  const targets = await repo.targetsOf(ctx.db, id, issuer ? undefined : scopeRange(actor));
  const photos = await repo.photosOf(
    ctx.db,
    targets.filter((g) => g.status !== 'pending').map((g) => g.id),
  );
  const who = asUser(actor);
  const items = targets.map((g) =>
    presentTarget(
      g,
      photos.get(g.id) ?? [],
      t.deleted_at ? [] : allowedActions(who, targetFlow, { ...g, task_status: t.status, completion: t.completion }),
      today,
    ),
  );
  const events = await listTimeline(ctx.db, 'task', id);
  const actions = t.deleted_at || !issuer ? [] : allowedActions(who, taskFlow, t);
  return { ...present(t, countTargets(targets, today), today), targetList: items, events, actions };
}

/** The issuing organization of a body, inside the caller's scope (else 404). */
async function issuerOf(ctx: Ctx, actor: Actor, orgId: number): Promise<Issuer> {
  const o = await orgsRepo.getOrg(ctx.db, actor, orgId);
  return { id: o.id, tenant_id: o.tenant_id, org_path: o.org_path, name: o.name };
}

/** A new draft: its receiving organizations chosen now (all below the issuer), issued by a later move. */
export async function create(ctx: Ctx, actor: Actor, input: TaskCreateT): Promise<TaskDetailT> {
  requireCapability(actor, 'tasks.issue');
  const issuer = await issuerOf(ctx, actor, input.orgId);
  if (input.dueOn < input.startOn) throw fieldError('tasks.bad_dates', 'dueOn');
  const check = checkOf(input.completion, input.checkKey, input.checkParams);
  const orgs = await resolveTargets(ctx, issuer, input.targets);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const id = await repo.insertTask(trx, {
      tenant_id: issuer.tenant_id,
      org_id: issuer.id,
      org_path: issuer.org_path,
      kind: input.kind,
      title: input.title.trim(),
      content: input.content?.trim() || null,
      start_on: input.startOn,
      due_on: input.dueOn,
      completion: input.completion,
      check_key: check.key,
      check_params: check.params ? JSON.stringify(check.params) : null,
      status: 'draft',
      target_spec: JSON.stringify(input.targets),
      issued_at: null,
      closed_at: null,
      withdraw_reason: null,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await repo.insertTargets(trx, targetRows(issuer, id, input.dueOn, orgs, now));
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: issuer.tenant_id,
      entityType: 'task',
      entityId: id,
      orgPath: issuer.org_path,
      action: taskFlow.spec.actions.create.event,
      fromState: null,
      toState: 'draft',
      note: `${orgs.length} 个党组织`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'task.create',
      entityType: 'task',
      entityId: id,
      changes: { title: { before: null, after: input.title.trim() }, dueOn: { before: null, after: input.dueOn } },
    });
    await bumpVersion(trx, issuer.tenant_id, 'tasks');
    return id;
  });
  return get(ctx, actor, id);
}

function targetRows(issuer: Issuer, taskId: number, dueOn: string, orgs: repo.OrgPick[], now: string) {
  return orgs.map((o) => ({
    tenant_id: issuer.tenant_id,
    org_id: o.id,
    org_path: o.org_path,
    task_id: taskId,
    issuer_path: issuer.org_path,
    status: 'pending',
    due_on: dueOn,
    report_text: null,
    reported_at: null,
    reported_by: null,
    reported_by_name: null,
    done_at: null,
    done_by_name: null,
    return_reason: null,
    checked_at: null,
    check_result: null,
    alerted: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }));
}

/** Changes a draft (its receivers chosen again when their choice or the due date changes). */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: TaskPatchT): Promise<TaskDetailT> {
  requireCapability(actor, 'tasks.issue');
  const t = await issuerTask(ctx, actor, id);
  if (t.status !== 'draft') throw new DomainError('tasks.not_draft', undefined, 409);
  const before = present(t, NONE, todayOf(ctx));
  const next = { ...before, ...patch, targetSpec: patch.targets ?? before.targetSpec };
  if (next.dueOn < next.startOn) throw fieldError('tasks.bad_dates', 'dueOn');
  const check = checkOf(next.completion, next.checkKey, next.checkParams);
  const issuer: Issuer = { id: t.org_id, tenant_id: t.tenant_id, org_path: t.org_path, name: t.org_name };
  const orgs = patch.targets ? await resolveTargets(ctx, issuer, patch.targets) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    await repo.updateTask(trx, id, {
      kind: next.kind,
      title: next.title.trim(),
      content: next.content?.trim() || null,
      start_on: next.startOn,
      due_on: next.dueOn,
      completion: next.completion,
      check_key: check.key,
      check_params: check.params ? JSON.stringify(check.params) : null,
      target_spec: JSON.stringify(next.targetSpec),
      updated_at: now,
    });
    if (orgs) {
      await repo.removeDraftTargets(trx, id);
      await repo.insertTargets(trx, targetRows(issuer, id, next.dueOn, orgs, now));
    } else if (next.dueOn !== before.dueOn) await repo.setTargetsDue(trx, id, next.dueOn);
    const fields = ['kind', 'title', 'content', 'startOn', 'dueOn', 'completion', 'checkKey'] as const;
    const pick = (o: Record<string, unknown>) => Object.fromEntries(fields.map((k) => [k, o[k] ?? null]));
    await writeAudit(ctx, trx, actor, {
      action: 'task.update',
      entityType: 'task',
      entityId: id,
      changes: diff(pick(before), pick({ ...next, checkKey: check.key })),
    });
    await bumpVersion(trx, t.tenant_id, 'tasks');
  });
  return get(ctx, actor, id);
}

/** Soft-deletes (`true`) or restores a task of the issuing side, its targets with it. */
export async function setDeleted(ctx: Ctx, actor: Actor, id: number, deleted: boolean): Promise<TaskDetailT> {
  requireCapability(actor, 'tasks.issue');
  const change = {
    action: deleted ? 'task.delete' : 'task.restore',
    entityType: 'task',
    domains: ['tasks' as const],
    stampUpdatedAt: true,
    before: (trx: repo.Q) => repo.setTargetsDeleted(trx, id, deleted ? ctx.clock().toISOString() : null),
  };
  if (deleted) await softDelete(ctx, actor, 'tasks', id, change);
  else await restoreRow(ctx, actor, 'tasks', id, change);
  return get(ctx, actor, id);
}
