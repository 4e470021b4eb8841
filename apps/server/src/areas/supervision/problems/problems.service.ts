/**
 * Problems (问题整改): `openProblem` for the other modules (an inspection's finding, a weak organization's
 * check-up …), the list and one problem with its timeline, measures, photos and source, a problem recorded by
 * hand (a self-inspection, a complaint), an edit of its text, soft delete and restore. The moves are in
 * `problems.moves.ts`, the measures in `problems.measures.ts`.
 */
import {
  chinaToday,
  PROBLEM_MANUAL_SOURCES,
  PROBLEM_OPEN_STATUSES,
  PROBLEM_SOURCES,
  type ProblemCreateT,
  type ProblemDetailT,
  type ProblemItemT,
  type ProblemListQueryT,
  type ProblemOpen,
  type ProblemPatchT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { countPhotos, listPhotos } from '../../../platform/data/photos.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { stampsOf } from '../../../platform/stamps.js';
import { allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { categoryNames, checkCategory, fieldError } from './problems.categories.js';
import { presentMeasure } from './problems.present.js';
import * as repo from './problems.repository.js';
import { problemFlow } from './problems.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** Whether a problem is overdue on a day: still to be fixed and past its due date. */
export function isOverdue(r: { status: string; due_on: string | null }, today: string): boolean {
  return (PROBLEM_OPEN_STATUSES as readonly string[]).includes(r.status) && r.due_on != null && r.due_on < today;
}

/** The API item of a row. */
export function present(r: repo.ProblemRow, names: Map<string, string>, photos: number, today: string): ProblemItemT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    source: r.source as ProblemItemT['source'],
    sourceRef: r.source_ref,
    category: r.category,
    categoryName: names.get(r.category) ?? r.category,
    title: r.title,
    description: r.description,
    status: r.status as ProblemItemT['status'],
    overdue: isOverdue(r, today),
    foundOn: r.found_on,
    foundBy: r.found_by,
    dueOn: r.due_on,
    responsibleName: r.responsible_name,
    responsibleMemberId: r.responsible_member_id,
    noticeNo: r.notice_no,
    assignedOn: r.assigned_on,
    claimedOn: r.claimed_at ? r.claimed_at.slice(0, 10) : null,
    claimedBy: r.claimed_by_name,
    closedOn: r.closed_on,
    verifiedBy: r.verified_by_name,
    followUpDue: r.follow_up_due,
    followedUpOn: r.followed_up_on,
    reopened: r.reopened,
    photos,
    ...stampsOf(r),
  };
}

/** The repository filter of a list query. */
export function toFilter(q: ProblemListQueryT, underPath: string | undefined, today: string): repo.ProblemFilter {
  return {
    underPath,
    q: q.q?.trim() || undefined,
    status: q.status,
    category: q.category,
    source: q.source,
    overdue: q.overdue,
    from: q.from,
    to: q.to,
    deleted: q.deleted,
    today,
  };
}

/** Problems of the caller's subtree, newest found first. */
export async function list(ctx: Ctx, actor: Actor, query: ProblemListQueryT): Promise<Listed<ProblemItemT>> {
  requireCapability(actor, 'problems.read');
  const today = todayOf(ctx);
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const { rows, total } = await repo.listProblems(ctx.db, actor, toFilter(query, underPath, today), pagingOf(query));
  const names = await categoryNames(ctx.db, actor.tenantId!);
  const photos = await countPhotos(
    ctx.db,
    'problem',
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, names, photos.get(r.id) ?? 0, today)), total };
}

/** Where a problem's source record lives in the console (its routes), by the kind named in its `source_ref`. */
const SOURCE_PAGES: Record<string, { label: string; path: (id: string) => string | null }> = {
  inspection_finding: { label: '督查发现问题', path: (id) => `/inspections/${id}` },
  inspection: { label: '督查检查', path: (id) => `/inspections/${id}` },
  weak_org: { label: '软弱涣散党组织', path: (id) => `/weak-orgs/${id}` },
  rating: { label: '星级评定', path: (id) => `/ratings/${id}` },
  task_target: { label: '任务', path: (id) => `/tasks/${id}` },
  task: { label: '任务', path: (id) => `/tasks/${id}` },
  development: { label: '发展党员', path: (id) => `/development/${id}` },
  request: { label: '民情诉求', path: (id) => `/requests/${id}` },
};

/**
 * The link back to a problem's source record (`kind:id`), when it names one. A finding or a task's target has no
 * page of its own: the link leads to its inspection or task.
 */
export async function sourceLinkOf(
  ctx: Ctx,
  tenantId: number,
  ref: string | null,
): Promise<ProblemDetailT['sourceLink']> {
  if (!ref) return null;
  const [kind, id] = ref.split(':');
  const page = kind ? SOURCE_PAGES[kind] : undefined;
  if (!page || !id) return { label: ref, path: null };
  if (kind === 'inspection_finding' || kind === 'task_target') {
    const parent = await repo.sourceParentId(ctx.db, tenantId, kind, Number(id));
    return { label: page.label, path: parent === null ? null : page.path(String(parent)) };
  }
  return { label: page.label, path: page.path(id) };
}

/** One problem with its timeline, measures, photos, source and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ProblemDetailT> {
  requireCapability(actor, 'problems.read');
  const r = await repo.getProblem(ctx.db, actor, id, 'any');
  const [events, measures, photos, names] = await Promise.all([
    listTimeline(ctx.db, 'problem', id),
    repo.measuresOf(ctx.db, [id]),
    listPhotos(ctx.db, 'problem', id),
    categoryNames(ctx.db, r.tenant_id),
  ]);
  const actions = r.deleted_at ? [] : allowedActions(asUser(actor), problemFlow, r);
  return {
    ...present(r, names, photos.length, todayOf(ctx)),
    claimNote: r.claim_note,
    rejectReason: r.reject_reason,
    followUpResult: r.follow_up_result,
    sourceLink: await sourceLinkOf(ctx, r.tenant_id, r.source_ref),
    measures: measures.map(presentMeasure),
    photoList: photos.map((p) => ({
      id: p.id,
      mime: p.mime,
      bytes: p.bytes,
      url: `/api/problems/${id}/photos/${p.id}`,
    })),
    events,
    actions,
  };
}

/** Refuses a found day in the future and a due date before it (on their fields). */
function checkDates(today: string, foundOn: string, dueOn: string | null | undefined): void {
  if (foundOn > today) throw fieldError('problems.found_in_future', 'foundOn');
  if (dueOn && dueOn < foundOn) throw fieldError('problems.due_before_found', 'dueOn');
}

/**
 * Opens a problem of an organization in the caller's subtree (404 otherwise), from any source: state `found`,
 * its first timeline entry, the audit record, photos copied from the source record. Runs inside the caller's
 * transaction when `ctx.db` is one (an inspection recording its findings), else in its own.
 */
export async function openProblem(
  ctx: Ctx,
  actor: Actor,
  input: ProblemOpen & { foundOn?: string | null; foundBy?: string | null },
): Promise<{ id: number }> {
  requireMove(asUser(actor), problemFlow, 'open');
  if (!(input.source in PROBLEM_SOURCES)) throw fieldError('validation', 'source');
  const title = input.title.trim();
  if (!title || title.length > 100) throw fieldError('validation', 'title');
  const today = todayOf(ctx);
  const foundOn = input.foundOn ?? today;
  checkDates(today, foundOn, input.dueOn);
  const run = async (trx: repo.Q) => {
    const org = await orgsRepo.getOrg(trx, actor, input.orgId);
    await checkCategory(trx, org.tenant_id, input.category);
    const photos = await repo.photosOfTenant(trx, org.tenant_id, [...new Set(input.photoIds ?? [])]);
    if (photos.length !== new Set(input.photoIds ?? []).size) throw fieldError('problems.bad_photo', 'photoIds');
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertProblems(trx, [
      {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        source: input.source,
        source_ref: input.sourceRef?.trim() || null,
        category: input.category,
        title,
        description: input.description?.trim() || null,
        found_on: foundOn,
        found_by: input.foundBy?.trim() || actor.displayName || null,
        due_on: input.dueOn ?? null,
        responsible_name: null,
        responsible_member_id: null,
        status: 'found',
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      } as repo.NewProblem,
    ]);
    await repo.addProblemPhotos(trx, org.tenant_id, id!, photos, now);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: org.tenant_id,
      entityType: 'problem',
      entityId: id!,
      orgPath: org.org_path,
      action: problemFlow.spec.actions.open.event,
      toState: 'found',
      note: PROBLEM_SOURCES[input.source].zh,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'problem.open',
      entityType: 'problem',
      entityId: id!,
      changes: {
        status: { before: null, after: 'found' },
        orgId: { before: null, after: org.id },
        source: { before: null, after: input.source },
        category: { before: null, after: input.category },
        title: { before: null, after: title },
      },
    });
    await bumpVersion(trx, org.tenant_id, 'problems');
    return id!;
  };
  const id = ctx.db.isTransaction ? await run(ctx.db) : await ctx.db.transaction().execute(run);
  return { id };
}

/** A problem recorded by hand by staff of its organization's subtree: a self-inspection, a complaint, other. */
export async function create(ctx: Ctx, actor: Actor, input: ProblemCreateT): Promise<ProblemDetailT> {
  if (!(PROBLEM_MANUAL_SOURCES as readonly string[]).includes(input.source))
    throw fieldError('problems.source_manual', 'source');
  const { id } = await openProblem(ctx, actor, { ...input, photoIds: [] });
  return get(ctx, actor, id);
}

/** Changes the text of a problem (category, title, description, found on/by); not once it is closed. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: ProblemPatchT): Promise<ProblemDetailT> {
  requireCapability(actor, 'problems.write');
  await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.getProblem(trx, actor, id);
    if (r.status === 'closed') throw fieldError('problems.closed', 'status', 409);
    if (input.category !== undefined) await checkCategory(trx, r.tenant_id, input.category);
    const foundOn = input.foundOn ?? r.found_on;
    checkDates(todayOf(ctx), foundOn, r.due_on);
    const set: Partial<repo.ProblemRow> = {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const put = (k: keyof repo.ProblemRow, field: string, v: unknown) => {
      if (v === undefined || v === r[k]) return;
      (set as Record<string, unknown>)[k] = v;
      changes[field] = { before: r[k], after: v };
    };
    put('category', 'category', input.category);
    put('title', 'title', input.title?.trim());
    put('description', 'description', input.description === undefined ? undefined : input.description?.trim() || null);
    put('found_on', 'foundOn', input.foundOn);
    put('found_by', 'foundBy', input.foundBy === undefined ? undefined : input.foundBy?.trim() || null);
    if (!Object.keys(set).length) return;
    await repo.updateProblem(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'problem.update', entityType: 'problem', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'problems');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'problem',
  domains: ['problems' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a problem recorded by mistake (recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'problems.write');
  await softDelete(ctx, actor, 'problems', id, CHANGE('problem.delete'));
}

/** Restores a problem deleted by mistake. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<ProblemDetailT> {
  requireCapability(actor, 'problems.write');
  await restoreRow(ctx, actor, 'problems', id, CHANGE('problem.restore'));
  return get(ctx, actor, id);
}
