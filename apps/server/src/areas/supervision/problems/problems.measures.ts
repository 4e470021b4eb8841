/**
 * The measures of a problem's rectification (整改措施; the 措施清单): what is done, by whom, by when, and
 * whether it is done. Staff of the problem's subtree add and change them until the problem is closed.
 */
import { type MeasureCreateT, type MeasurePatchT, type ProblemMeasureT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as membersRepo from '../../core/members/members.repository.js';
import { fieldError } from './problems.categories.js';
import { presentMeasure } from './problems.present.js';
import * as repo from './problems.repository.js';

/** The live measures of a problem of the caller's scope. */
export async function listMeasures(ctx: Ctx, actor: Actor, problemId: number) {
  requireCapability(actor, 'problems.read');
  await repo.getProblem(ctx.db, actor, problemId);
  const rows = await repo.measuresOf(ctx.db, [problemId]);
  return { items: rows.map(presentMeasure), total: rows.length };
}

/** The problem, open to changes of its measures (not once closed). */
async function openProblemRow(trx: repo.Q, actor: Actor, problemId: number) {
  requireCapability(actor, 'problems.write');
  const p = await repo.getProblem(trx, actor, problemId);
  if (p.status === 'closed') throw fieldError('problems.closed', 'status', 409);
  return p;
}

/** A member named as a measure's owner lies in the caller's subtree (never trusted from the body). */
async function checkOwner(trx: repo.Q, actor: Actor, memberId: number | null | undefined): Promise<void> {
  if (!memberId) return;
  await membersRepo.requireMemberInScope(trx, actor, memberId).catch(() => {
    throw fieldError('problems.member_outside', 'ownerMemberId');
  });
}

/** Adds a measure to a problem. */
export async function addMeasure(
  ctx: Ctx,
  actor: Actor,
  problemId: number,
  input: MeasureCreateT,
): Promise<ProblemMeasureT> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const p = await openProblemRow(trx, actor, problemId);
    await checkOwner(trx, actor, input.ownerMemberId);
    const now = ctx.clock().toISOString();
    const [id] = await repo.insertMeasures(trx, [
      {
        tenant_id: p.tenant_id,
        org_id: p.org_id,
        org_path: p.org_path,
        problem_id: p.id,
        content: input.content.trim(),
        owner_name: input.ownerName.trim(),
        owner_member_id: input.ownerMemberId ?? null,
        due_on: input.dueOn ?? null,
        done_on: input.doneOn ?? null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
    ]);
    await writeAudit(ctx, trx, actor, {
      action: 'problem_measure.create',
      entityType: 'problem_measure',
      entityId: id!,
      changes: { problemId: { before: null, after: p.id }, content: { before: null, after: input.content.trim() } },
    });
    await bumpVersion(trx, p.tenant_id, 'problems');
    return id!;
  });
  return presentMeasure(await repo.getMeasure(ctx.db, actor, problemId, id));
}

/** Changes a measure (its text, owner, dates; marked done with its day). */
export async function updateMeasure(
  ctx: Ctx,
  actor: Actor,
  problemId: number,
  measureId: number,
  input: MeasurePatchT,
): Promise<ProblemMeasureT> {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await openProblemRow(trx, actor, problemId);
    const m = await repo.getMeasure(trx, actor, problemId, measureId);
    if (input.ownerMemberId !== undefined) await checkOwner(trx, actor, input.ownerMemberId);
    const set: Partial<repo.MeasureRow> = {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const put = <K extends keyof repo.MeasureRow>(k: K, field: string, v: repo.MeasureRow[K] | undefined) => {
      if (v === undefined || v === m[k]) return;
      set[k] = v;
      changes[field] = { before: m[k], after: v };
    };
    put('content', 'content', input.content?.trim());
    put('owner_name', 'ownerName', input.ownerName?.trim());
    put('owner_member_id', 'ownerMemberId', input.ownerMemberId);
    put('due_on', 'dueOn', input.dueOn);
    put('done_on', 'doneOn', input.doneOn);
    if (!Object.keys(set).length) return;
    await repo.updateMeasure(trx, measureId, { ...set, updated_at: ctx.clock().toISOString() });
    await writeAudit(ctx, trx, actor, {
      action: 'problem_measure.update',
      entityType: 'problem_measure',
      entityId: measureId,
      changes,
    });
    await bumpVersion(trx, p.tenant_id, 'problems');
  });
  return presentMeasure(await repo.getMeasure(ctx.db, actor, problemId, measureId));
}

/** Removes a measure entered by mistake (soft: the row stays, out of the lists). */
export async function removeMeasure(ctx: Ctx, actor: Actor, problemId: number, measureId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await openProblemRow(trx, actor, problemId);
    await repo.getMeasure(trx, actor, problemId, measureId);
    const now = ctx.clock().toISOString();
    await repo.updateMeasure(trx, measureId, { deleted_at: now, updated_at: now });
    await writeAudit(ctx, trx, actor, {
      action: 'problem_measure.delete',
      entityType: 'problem_measure',
      entityId: measureId,
      changes: { deletedAt: { before: null, after: now } },
    });
    await bumpVersion(trx, p.tenant_id, 'problems');
  });
}
