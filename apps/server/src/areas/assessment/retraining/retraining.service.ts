/**
 * Retraining of cadres (淬火整训): the list of files, a file with its classes, timeline and the moves the caller may
 * make, the suspension by the township or county, changes of an open file, soft delete and restore. The moves,
 * classes and the test are in `retraining.moves.ts`.
 */
import {
  addMonths,
  can as roleCan,
  chinaToday,
  chinaYear,
  type ErrorCode,
  type RetrainingCreateT,
  type RetrainingDetailT,
  type RetrainingItemT,
  type RetrainingListQueryT,
  type RetrainingUpdateT,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { jsonArray, presentClass, presentFile, townshipIdOf } from './retraining.present.js';
import * as repo from './retraining.repository.js';
import { retrainingRules } from './retraining.rules.js';
import { retrainingFlow } from './retraining.workflow.js';

/** Today in China by the context's clock. */
export const todayOf = (ctx: Ctx) => chinaToday(ctx.clock());

/** A refusal placed on one field of the form. */
export function fieldError(code: ErrorCode, field: string, status?: number): DomainError {
  return new DomainError(code, { fields: [{ field, code }] }, status);
}

/** The list rows of files: township names and the classes, read once per page. */
async function rowsOf(ctx: Ctx, tenantId: number, rows: repo.FileRow[]): Promise<RetrainingItemT[]> {
  const classes = await repo.classesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byFile = new Map<number, repo.ClassRow[]>();
  for (const c of classes) byFile.set(c.file_id, [...(byFile.get(c.file_id) ?? []), c]);
  const towns = await repo.orgNames(
    ctx.db,
    tenantId,
    rows.map((r) => townshipIdOf(r.org_path)).filter((x): x is number => x != null),
  );
  const today = todayOf(ctx);
  return rows.map((r) => {
    const t = townshipIdOf(r.org_path);
    return presentFile(r, today, {
      classes: byFile.get(r.id) ?? [],
      townshipName: t == null ? null : (towns.get(t) ?? null),
    });
  });
}

/** The repository filter of a list query (the org and township checked inside the caller's scope). */
export async function filterOf(ctx: Ctx, actor: Actor, query: RetrainingListQueryT): Promise<repo.FileFilter> {
  return {
    underPath: await orgsRepo.underOrg(ctx.db, actor, query.org),
    townshipPath: await orgsRepo.underOrg(ctx.db, actor, query.township),
    memberId: repo.ownOnly(actor),
    q: query.q?.trim() || undefined,
    status: query.status,
    year: query.year,
    reason: query.reason,
    post: query.post,
    overdueOn: query.overdue ? todayOf(ctx) : undefined,
    deleted: query.deleted,
  };
}

/** Files of the caller's subtree (a member: its own), the newest suspended first. */
export async function list(ctx: Ctx, actor: Actor, query: RetrainingListQueryT): Promise<Listed<RetrainingItemT>> {
  requireCapability(actor, 'retraining.read');
  const { rows, total } = await repo.listFiles(ctx.db, actor, await filterOf(ctx, actor, query), pagingOf(query));
  return { items: await rowsOf(ctx, actor.tenantId!, rows), total };
}

/** One file with its classes, timeline and the moves the caller may make now. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<RetrainingDetailT> {
  requireCapability(actor, 'retraining.read');
  const r = await repo.getFile(ctx.db, actor, id, 'any');
  const [item] = await rowsOf(ctx, actor.tenantId!, [r]);
  const [classes, events, rules] = await Promise.all([
    repo.classesOf(ctx.db, [id]),
    listTimeline(ctx.db, 'retraining', id),
    retrainingRules(ctx.db, r.tenant_id, r.year),
  ]);
  const live = !r.deleted_at;
  const open = live && (repo.OPEN as readonly string[]).includes(r.status);
  // The test has its own form (POST /:id/test), not a button of the action bar.
  const actions = live ? allowedActions(asUser(actor), retrainingFlow, r).filter((a) => a !== 'test') : [];
  return {
    ...item!,
    classes: classes.map(presentClass),
    events,
    actions,
    canEdit: open && roleCan(actor.role, 'retraining.write'),
    rules,
  };
}

/** Refuses an empty list of reasons and “other” without words. */
function checkReasons(reasons: readonly string[], text: string | null | undefined): void {
  if (!reasons.length) throw fieldError('retraining.reason_required', 'reasons');
  if (reasons.includes('other') && !text?.trim()) throw fieldError('retraining.other_needs_text', 'reasonText');
}

/** Refuses the post “other” without words. */
function checkPost(post: string, text: string | null | undefined): void {
  if (post === 'other' && !text?.trim()) throw fieldError('retraining.other_needs_text', 'postText');
}

/** The township or county suspends a cadre of a village organization; one open file per cadre. */
export async function create(ctx: Ctx, actor: Actor, input: RetrainingCreateT): Promise<RetrainingDetailT> {
  const who = asUser(actor);
  requireMove(who, retrainingFlow, 'suspend');
  const m = await repo.memberInScope(ctx.db, actor, input.memberId);
  // A village cadre: a member of a grassroots organization of a village or community (not of an office).
  if (m.depth < 2 || m.type === 'committee' || !['rural', 'community'].includes(m.field ?? ''))
    throw fieldError('retraining.not_village', 'memberId');
  const today = todayOf(ctx);
  const suspendedOn = input.suspendedOn ?? today;
  if (suspendedOn > today) throw fieldError('retraining.date_range', 'suspendedOn');
  checkReasons(input.reasons, input.reasonText);
  checkPost(input.post, input.postText);
  const year = chinaYear(suspendedOn);
  const rules = await retrainingRules(ctx.db, m.tenant_id, year);
  const by = actor.role === 'county_admin' ? 'county' : 'township';
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.hasOpenFile(trx, m.id)) throw fieldError('retraining.already_open', 'memberId', 409);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertFiles(trx, [
      {
        tenant_id: m.tenant_id,
        org_id: m.org_id,
        org_path: m.org_path,
        member_id: m.id,
        year,
        post: input.post,
        post_text: input.postText?.trim() || null,
        status: 'suspended',
        reasons: JSON.stringify(input.reasons),
        reason_text: input.reasonText?.trim() || null,
        evidence: input.evidence.trim(),
        suspended_by: by,
        suspended_on: suspendedOn,
        due_on: addMonths(suspendedOn, rules.periodMonths),
        tested_on: null,
        test_score_tenths: null,
        test_passed: null,
        assessment: null,
        decided_on: null,
        decided_by: null,
        decision_reason: null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await addTimeline(trx, authorOf(who), {
      tenantId: m.tenant_id,
      entityType: 'retraining',
      entityId: id!,
      orgPath: m.org_path,
      action: retrainingFlow.spec.actions.suspend.event,
      toState: 'suspended',
      note: input.evidence.trim().slice(0, 200),
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'retraining.suspend',
      entityType: 'retraining',
      entityId: id!,
      changes: {
        status: { before: null, after: 'suspended' },
        memberId: { before: null, after: m.id },
        reasons: { before: null, after: input.reasons },
      },
    });
    await bumpVersion(trx, m.tenant_id, 'retraining');
    return id!;
  });
  return get(ctx, actor, id);
}

/** Changes the post, reasons and evidence of an open file. */
export async function update(ctx: Ctx, actor: Actor, id: number, input: RetrainingUpdateT): Promise<RetrainingDetailT> {
  requireCapability(actor, 'retraining.write');
  const r = await repo.getFile(ctx.db, actor, id);
  if (!(repo.OPEN as readonly string[]).includes(r.status)) throw new DomainError('retraining.closed', undefined, 409);
  const set: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const put = (col: string, key: string, before: unknown, after: unknown) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    set[col] = Array.isArray(after) ? JSON.stringify(after) : after;
    changes[key] = { before, after };
  };
  if (input.reasons !== undefined || input.reasonText !== undefined) {
    const reasons = input.reasons ?? jsonArray<string>(r.reasons);
    const text = input.reasonText !== undefined ? input.reasonText?.trim() || null : r.reason_text;
    checkReasons(reasons, text);
    put('reasons', 'reasons', jsonArray(r.reasons), reasons);
    put('reason_text', 'reasonText', r.reason_text, text);
  }
  if (input.post !== undefined || input.postText !== undefined) {
    const post = input.post ?? r.post;
    const text = input.postText !== undefined ? input.postText?.trim() || null : r.post_text;
    checkPost(post, text);
    put('post', 'post', r.post, post);
    put('post_text', 'postText', r.post_text, text);
  }
  if (input.evidence !== undefined) put('evidence', 'evidence', r.evidence, input.evidence.trim());
  if (!Object.keys(set).length) return get(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateFile(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, { action: 'retraining.update', entityType: 'retraining', entityId: id, changes });
    await bumpVersion(trx, r.tenant_id, 'retraining');
  });
  return get(ctx, actor, id);
}

const CHANGE = (action: string) => ({
  action,
  entityType: 'retraining',
  domains: ['retraining' as const],
  stampUpdatedAt: true,
});

/** Soft-deletes a file recorded by mistake (recoverable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'retraining.write');
  await softDelete(ctx, actor, 'retraining_files', id, CHANGE('retraining.delete'));
}

/** Restores a deleted file, unless its cadre has another open file since. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<RetrainingDetailT> {
  requireCapability(actor, 'retraining.write');
  await restoreRow(ctx, actor, 'retraining_files', id, {
    ...CHANGE('retraining.restore'),
    before: async (trx, row) => {
      const open = (repo.OPEN as readonly string[]).includes(row.status as string);
      if (open && (await repo.hasOpenFile(trx, row.member_id as number, id)))
        throw fieldError('retraining.already_open', 'memberId', 409);
    },
  });
  return get(ctx, actor, id);
}
