/**
 * The moves of tasks and targets (issue, withdraw, close; report, accept, send back), the evidence photos of a
 * report, the receiving organization's inbox, the roll-up of a task down the tree, and the target chooser's picker.
 */
import {
  TARGET_LEVEL_TYPES,
  type TargetLevel,
  type TaskCheckParamsT,
  type TaskDetailT,
  type TaskInboxItemT,
  type TaskInboxQueryT,
  type TaskProgressT,
  type TaskReportT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { readPhoto, storePhoto } from '../../../platform/data/photos.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { act, allowedActions, asUser, checkMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { checkTask } from './tasks.checks.js';
import * as repo from './tasks.repository.js';
import { countTargets, get, issuerTask, presentTarget, rateOf, todayOf, visibleTask } from './tasks.service.js';
import { fieldError } from './tasks.targets.js';
import { onIssuingSide, targetFlow, taskFlow } from './tasks.workflow.js';

/** Issues a draft to its receivers; a task checked from the records is checked at once. */
export async function issue(ctx: Ctx, actor: Actor, id: number): Promise<TaskDetailT> {
  const t = await issuerTask(ctx, actor, id);
  await act(ctx, asUser(actor), taskFlow, t, 'issue', {});
  return get(ctx, actor, id);
}

/** Withdraws an issued task (with the reason): its receivers no longer see it. */
export async function withdraw(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<TaskDetailT> {
  const t = await issuerTask(ctx, actor, id);
  await act(ctx, asUser(actor), taskFlow, t, 'withdraw', { reason });
  return get(ctx, actor, id);
}

/** Closes an issued task: its figures stay, no more reports. */
export async function close(ctx: Ctx, actor: Actor, id: number, note: string | null): Promise<TaskDetailT> {
  const t = await issuerTask(ctx, actor, id);
  if (t.completion === 'record') await checkTask(ctx, t.tenant_id, id);
  await act(ctx, asUser(actor), taskFlow, t, 'close', { note });
  return get(ctx, actor, id);
}

/** A target of a task the caller sees (either side), else 404. */
async function target(ctx: Ctx, actor: Actor, id: number, targetId: number) {
  requireCapability(actor, 'tasks.read');
  const r = await repo.targetForMove(ctx.db, actor.tenantId ?? 0, id, targetId);
  if (targetFlow.scope(asUser(actor), r) === 'hidden') throw notFound();
  // A receiver sees a target once its task is issued (and no longer once withdrawn).
  const seen = (repo.VISIBLE_TO_RECEIVERS as readonly string[]).includes(r.task_status);
  if (!seen && !onIssuingSide(asUser(actor), r.tenant_id, r.issuer_path)) throw notFound();
  return r;
}

/** The receiving organization reports what it did, naming photos it uploaded to the target. */
export async function report(ctx: Ctx, actor: Actor, id: number, targetId: number, body: TaskReportT) {
  const r = await target(ctx, actor, id, targetId);
  const ids = body.photoIds ?? [];
  if (ids.length) {
    const have = new Set(((await repo.photosOf(ctx.db, [targetId])).get(targetId) ?? []).map((p) => p.id));
    if (ids.some((p) => !have.has(p))) throw fieldError('tasks.photo_unknown', 'photoIds');
  }
  const input = { text: body.text, userId: actor.userId || null, name: actor.displayName };
  await act(ctx, asUser(actor), targetFlow, r, 'report', input);
  return get(ctx, actor, id);
}

/** The issuer accepts a report: the target is done. */
export async function accept(ctx: Ctx, actor: Actor, id: number, targetId: number, note: string | null) {
  const r = await target(ctx, actor, id, targetId);
  await act(ctx, asUser(actor), targetFlow, r, 'accept', { name: actor.displayName, note });
  return get(ctx, actor, id);
}

/** The issuer sends a report back with the reason: the receiver reports again. */
export async function sendBack(ctx: Ctx, actor: Actor, id: number, targetId: number, reason: string) {
  const r = await target(ctx, actor, id, targetId);
  await act(ctx, asUser(actor), targetFlow, r, 'return', { reason });
  return get(ctx, actor, id);
}

/** Uploads an evidence photo to a target, before its report (the receiving side, while it may report). */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, targetId: number, file: Buffer) {
  const r = await target(ctx, actor, id, targetId);
  checkMove(asUser(actor), targetFlow, r, 'report', null);
  if (r.completion === 'record') throw new DomainError('tasks.checked_from_records');
  return ctx.db.transaction().execute(async (trx) => {
    const p = await storePhoto(ctx, trx, r.tenant_id, 'task_target', targetId, file);
    await writeAudit(ctx, trx, actor, {
      action: 'task_target.photo_add',
      entityType: 'task_target',
      entityId: targetId,
      detail: `photo ${p.id} sm3 ${p.hash.slice(0, 16)}`,
    });
    return { id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/tasks/${id}/targets/${targetId}/photos/${p.id}` };
  });
}

/** An evidence photo's bytes, for either side of its target. */
export async function photo(ctx: Ctx, actor: Actor, id: number, targetId: number, photoId: number) {
  await target(ctx, actor, id, targetId);
  return readPhoto(ctx, 'task_target', targetId, photoId);
}

/** The targets of the caller's organization(s): tasks issued to its subtree, soonest due first. */
export async function inbox(ctx: Ctx, actor: Actor, query: TaskInboxQueryT): Promise<Listed<TaskInboxItemT>> {
  requireCapability(actor, 'tasks.read');
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const f = { underPath, q: query.q?.trim() || undefined, kind: query.kind, state: query.status, today };
  const load = () => repo.inbox(ctx.db, actor, { ...f, overdue: query.overdue }, pagingOf(query));
  let page = await load();
  // Targets checked from the records on this page are checked now: a meeting just recorded shows done.
  const toCheck = new Set(
    page.rows.filter((r) => r.completion === 'record' && r.status !== 'done' && r.task_status === 'issued'),
  );
  let moved = 0;
  for (const taskId of new Set([...toCheck].map((r) => r.task_id)))
    moved += await checkTask(ctx, actor.tenantId!, taskId);
  if (moved) page = await load();
  const photos = await repo.photosOf(
    ctx.db,
    page.rows.map((r) => r.id),
  );
  const who = asUser(actor);
  return {
    items: page.rows.map((r) => ({
      ...presentTarget(r, photos.get(r.id) ?? [], allowedActions(who, targetFlow, r), today),
      title: r.title,
      kind: r.kind as TaskInboxItemT['kind'],
      content: r.content,
      issuerName: r.issuer_name,
      startOn: r.start_on,
      dueOn: r.due_on,
      completion: r.completion as TaskInboxItemT['completion'],
      checkKey: r.check_key as TaskInboxItemT['checkKey'],
      checkParams: r.check_params ? (JSON.parse(r.check_params) as TaskCheckParamsT) : null,
      taskStatus: r.task_status as TaskInboxItemT['taskStatus'],
    })),
    total: page.total,
  };
}

/**
 * The roll-up of a task below one organization: the counts of each child holding targets, and the total. The
 * issuer starts at its own organization, a receiver at its own; `org` opens any organization of the caller's scope.
 */
export async function progress(ctx: Ctx, actor: Actor, id: number, org: number | undefined): Promise<TaskProgressT> {
  requireCapability(actor, 'tasks.read');
  const { t, issuer } = await visibleTask(ctx, actor, id);
  const root = await orgsRepo.getOrg(ctx.db, actor, org ?? (issuer ? t.org_id : actor.orgId!));
  const today = todayOf(ctx);
  const targets = await repo.targetsOf(ctx.db, id, subtreeRange(root.org_path));
  const children = await repo.childOrgs(ctx.db, root.tenant_id, root.id);
  const rows = [];
  for (const c of children) {
    const under = targets.filter((g) => g.org_path.startsWith(c.org_path));
    if (!under.length) continue;
    const n = countTargets(under, today);
    rows.push({
      orgId: c.id,
      orgName: c.name,
      hasChildren: under.some((g) => g.org_path !== c.org_path),
      ...n,
      rate: rateOf(n.done, n.targets),
    });
  }
  const total = countTargets(targets, today);
  return {
    taskId: id,
    orgId: root.id,
    orgName: root.name,
    total: { ...total, rate: rateOf(total.done, total.targets) },
    rows,
  };
}

/** Organizations below the caller's own a task may target, by name and level (the target chooser). */
export async function orgOptions(ctx: Ctx, actor: Actor, q: { q?: string; level?: TargetLevel }) {
  requireCapability(actor, 'tasks.issue');
  const types = q.level ? TARGET_LEVEL_TYPES[q.level] : ['committee', 'general_branch', 'branch', 'joint_branch'];
  const rows = await repo.orgsBelow(ctx.db, actor.tenantId!, actor.orgPath!, types, null, q.q?.trim() || undefined);
  return {
    items: rows.slice(0, 500).map((o) => ({ id: o.id, name: o.name, type: o.type, field: o.field })),
    total: rows.length,
  };
}
