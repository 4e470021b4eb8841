/**
 * Disputes and publication (异议与公示): a member disputes an entry of its own before its month is published;
 * the secretary answers (upheld leaves a reversing entry in the same month, rejected keeps the reason); a branch
 * publishes a month once no dispute waits, and the month is frozen from then on.
 */
import type { PointDetailT, PointDisputeAnswerT, PointMonthStateT } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import { asUser, authorOf } from '../../../platform/workflow.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './points.repository.js';
import { fieldError, flowRow, get, todayOf } from './points.service.js';

/** A member disputes an entry of its own before its month is published. */
export async function dispute(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<PointDetailT> {
  requireCapability(actor, 'points.dispute');
  const r = await flowRow(ctx, actor, id);
  if (r.member_id !== actor.memberId) throw new DomainError('points.not_yours', undefined, 403);
  if (r.published) throw new DomainError('points.month_published', undefined, 409);
  if (r.reverses_id != null || (await repo.reversalOf(ctx.db, id)))
    throw new DomainError('points.reversal', undefined, 409);
  if (r.status !== 'approved') throw new DomainError('points.wrong_state', undefined, 409);
  const text = reason.trim();
  if (!text) throw fieldError('points.reason_required', 'reason');
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.disputesOf(trx, [id]);
    if (existing.length) throw new DomainError('points.dispute_open', undefined, 409);
    const now = ctx.clock().toISOString();
    const did = await repo.insertDispute(trx, {
      tenant_id: r.tenant_id,
      org_id: r.org_id,
      org_path: r.org_path,
      entry_id: id,
      member_id: r.member_id,
      status: 'open',
      reason: text,
      answer: null,
      answered_at: null,
      answered_by: null,
      reversal_id: null,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'point_entry',
      entityId: id,
      orgPath: r.org_path,
      action: 'disputed',
      note: text,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'point.dispute',
      entityType: 'point_dispute',
      entityId: did,
      changes: { reason: { before: null, after: text } },
    });
    await bumpVersion(trx, r.tenant_id, 'points');
  });
  return get(ctx, actor, id);
}

/** The secretary answers an entry's open dispute: upheld leaves a reversing entry, rejected keeps the reason. */
export async function answer(ctx: Ctx, actor: Actor, id: number, input: PointDisputeAnswerT): Promise<PointDetailT> {
  requireCapability(actor, 'points.write');
  const r = await flowRow(ctx, actor, id);
  if (r.published) throw new DomainError('points.month_published', undefined, 409);
  const d = (await repo.disputesOf(ctx.db, [id])).find((x) => x.status === 'open');
  if (!d) throw new DomainError('points.wrong_state', undefined, 409);
  const text = input.answer.trim();
  if (!text) throw fieldError('points.reason_required', 'answer');
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    let reversalId: number | null = null;
    if (input.upheld) {
      [reversalId] = (await repo.insertEntries(trx, [
        {
          tenant_id: r.tenant_id,
          org_id: r.org_id,
          org_path: r.org_path,
          member_id: r.member_id,
          event: r.event,
          kind: r.kind,
          points: -r.points,
          occurred_on: r.occurred_on,
          month: r.month,
          year: r.year,
          source_ref: `${r.source_ref}:rev`,
          reverses_id: r.id,
          note: `异议成立，冲正：${text}`,
          evidence: null,
          status: 'approved',
          reject_reason: null,
          created_by: actor.userId || null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        },
      ])) as [number];
      await writeAudit(ctx, trx, actor, {
        action: 'point.reverse',
        entityType: 'point_entry',
        entityId: reversalId,
        changes: { reversesId: { before: null, after: r.id }, points: { before: null, after: -r.points } },
      });
    }
    const status = input.upheld ? 'upheld' : 'rejected';
    const ok = await repo.answerDispute(trx, d.id, {
      status,
      answer: text,
      answered_at: now,
      answered_by: actor.userId || null,
      reversal_id: reversalId,
    });
    if (!ok) throw new DomainError('points.wrong_state', undefined, 409);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: r.tenant_id,
      entityType: 'point_entry',
      entityId: id,
      orgPath: r.org_path,
      action: input.upheld ? 'dispute_upheld' : 'dispute_rejected',
      note: text,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'point.answer',
      entityType: 'point_dispute',
      entityId: d.id,
      changes: { status: { before: 'open', after: status }, answer: { before: null, after: text } },
    });
    await bumpVersion(trx, r.tenant_id, 'points');
  });
  return get(ctx, actor, id);
}

/** The state of an organization's month: published or not, and its open disputes. */
export async function monthState(ctx: Ctx, actor: Actor, orgId: number, month: string): Promise<PointMonthStateT> {
  requireCapability(actor, 'points.read');
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId);
  const row = await repo.monthRow(ctx.db, org.id, month);
  return {
    orgId: org.id,
    month,
    published: Boolean(row),
    publishedAt: row?.published_at ?? null,
    openDisputes: await repo.openDisputes(ctx.db, org.id, month),
  };
}

/** A branch publishes a month of its points (公示): refused while a dispute is open; frozen from then on. */
export async function publish(ctx: Ctx, actor: Actor, orgId: number, month: string): Promise<PointMonthStateT> {
  requireCapability(actor, 'points.write');
  const org = await orgsRepo.getOrg(ctx.db, actor, orgId);
  if (org.depth < 2) throw fieldError('points.not_branch', 'orgId');
  if (month > todayOf(ctx).slice(0, 7)) throw fieldError('points.month_future', 'month');
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.monthRow(trx, org.id, month)) throw fieldError('points.month_published', 'month', 409);
    if (await repo.openDisputes(trx, org.id, month)) throw fieldError('points.disputes_open', 'month', 409);
    const now = ctx.clock().toISOString();
    await repo.insertMonth(trx, {
      tenant_id: org.tenant_id,
      org_id: org.id,
      org_path: org.org_path,
      month,
      at: now,
      by: actor.userId || null,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'point.publish',
      entityType: 'point_month',
      entityId: `${org.id}/${month}`,
      changes: { published: { before: false, after: true } },
    });
    await bumpVersion(trx, org.tenant_id, 'points');
  });
  return monthState(ctx, actor, orgId, month);
}
