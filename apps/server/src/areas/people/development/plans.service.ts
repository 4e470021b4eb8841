/**
 * The annual guiding plan (指导性发展计划): the county sets each township's quota at the start of the year, a
 * township splits its quota to its branches. The children of an organization may never be given more than its own
 * quota, and a quota may not drop below what is already split from it. Supervision marks an organization that
 * develops badly: it loses its award eligibility for the year and its secretary is called in (约谈); undoable.
 */
import type { DevelopmentMarkT, DevelopmentPlanPutT, DevelopmentPlanT } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './plans.repository.js';

const num = (v: unknown) => Number(v ?? 0);

/** A plan row as the API answers it. */
function planOut(r: repo.PlanRow): DevelopmentPlanT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    parentId: r.parent_id,
    year: r.year,
    quota: r.quota,
    allocated: num(r.allocated),
    note: r.note,
    updatedAt: r.updated_at,
  };
}

/** The plans of a year in the caller's subtree (or under `org`), shallowest first. */
export async function listPlans(
  ctx: Ctx,
  actor: Actor,
  q: { year: number; org?: number; page?: number; pageSize?: number },
): Promise<{ items: DevelopmentPlanT[]; total: number }> {
  const under = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const { rows, total } = await repo.listPlans(ctx.db, actor, q.year, under, {
    page: q.page ?? 1,
    pageSize: q.pageSize ?? 20,
  });
  return { items: rows.map(planOut), total };
}

/**
 * Sets (or with `quota: null` removes) the quotas of organizations for a year, all or nothing. Each organization
 * lies inside the caller's subtree; a caller sets its own organization's quota only at the top of the county
 * (nobody above it on the platform). After the changes, every changed organization's children add up to at most its
 * quota, and its parent's children to at most the parent's.
 */
export async function putPlans(
  ctx: Ctx,
  actor: Actor,
  body: DevelopmentPlanPutT,
): Promise<{ items: DevelopmentPlanT[]; total: number }> {
  requireCapability(actor, 'development.plan');
  const seen = new Set<number>();
  for (const [index, item] of body.items.entries()) {
    if (seen.has(item.org)) throw new DomainError('development.plan_org_twice', { field: 'org', index });
    seen.add(item.org);
  }
  const tenant = actor.tenantId!;
  const now = ctx.clock().toISOString();
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const orgs: orgsRepo.OrgRow[] = [];
    for (const [index, item] of body.items.entries()) {
      const org = await orgsRepo.getOrg(trx, actor, item.org);
      if (org.id === actor.orgId && org.parent_id !== null)
        throw new DomainError('development.plan_own_org', { field: 'org', index }, 403);
      const before = await repo.planOf(trx, tenant, org.id, body.year);
      const note = item.note?.trim() || null;
      let id = before?.id ?? null;
      if (item.quota === null) {
        if (before) await repo.removePlan(trx, before.id, now);
      } else if (before) {
        await repo.updatePlan(trx, before.id, item.quota, note, actor.userId, now);
      } else {
        id = await repo.insertPlan(
          trx,
          { tenantId: tenant, orgId: org.id, orgPath: org.org_path, year: body.year, quota: item.quota, note },
          actor.userId,
          now,
        );
      }
      if (id === null || (before && before.quota === item.quota && before.note === note)) continue;
      orgs.push(org);
      await writeAudit(ctx, trx, actor, {
        action: item.quota === null ? 'development_plan.remove' : 'development_plan.set',
        entityType: 'development_plan',
        entityId: id,
        changes: {
          year: { before: body.year, after: body.year },
          quota: { before: before?.quota ?? null, after: item.quota },
        },
        detail: org.name,
      });
    }
    for (const [index, org] of orgs.entries()) await checkSplit(trx, tenant, org, body.year, index);
    if (orgs.length) await bumpVersion(trx, tenant, 'development');
    return orgs.map((o) => o.id);
  });
  const all = await listPlans(ctx, actor, { year: body.year, pageSize: 500 });
  const items = all.items.filter((p) => changed.includes(p.orgId) || seen.has(p.orgId));
  return { items, total: items.length };
}

/** Refuses a split over the parent's quota, or a quota below what its children were already given. */
async function checkSplit(trx: orgsRepo.Q, tenant: number, org: orgsRepo.OrgRow, year: number, index: number) {
  const own = await repo.planOf(trx, tenant, org.id, year);
  if (own) {
    const allocated = (await repo.childPlans(trx, tenant, org.id, year)).reduce((s, p) => s + p.quota, 0);
    if (allocated > own.quota)
      throw new DomainError(
        'development.plan_below_children',
        { field: 'quota', index, org: org.name, quota: own.quota, allocated },
        409,
      );
  }
  if (org.parent_id === null) return;
  const parent = await repo.planOf(trx, tenant, org.parent_id, year);
  if (!parent) return;
  const allocated = (await repo.childPlans(trx, tenant, org.parent_id, year)).reduce((s, p) => s + p.quota, 0);
  if (allocated > parent.quota)
    throw new DomainError(
      'development.plan_over_parent',
      { field: 'quota', index, parentQuota: parent.quota, allocated },
      409,
    );
}

/** A mark as the API answers it. */
function markOut(r: repo.MarkRow): DevelopmentMarkT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    reason: r.reason,
    secretaryName: r.secretary_name,
    markedBy: r.marked_by_name,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    undoReason: r.undo_reason,
  };
}

/**
 * Marks an organization below the caller after supervision: it loses its award eligibility for the year (the
 * assessment module reads `ineligibleOrgs`) and its secretary, named on the mark, is called in for an interview.
 */
export async function createMark(
  ctx: Ctx,
  actor: Actor,
  body: { org: number; year: number; reason: string },
): Promise<DevelopmentMarkT> {
  requireCapability(actor, 'development.plan');
  const tenant = actor.tenantId!;
  const now = ctx.clock().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await orgsRepo.getOrg(trx, actor, body.org);
    if (org.id === actor.orgId) throw new DomainError('development.mark_own_org', { field: 'org' }, 403);
    if (await repo.activeMark(trx, tenant, org.id, body.year))
      throw new DomainError('development.mark_exists', { field: 'org' }, 409);
    const secretaryName = org.secretary_member_id ? await repo.memberName(trx, org.secretary_member_id) : null;
    const markId = await repo.insertMark(trx, {
      tenant_id: tenant,
      org_id: org.id,
      org_path: org.org_path,
      year: body.year,
      reason: body.reason.trim(),
      secretary_member_id: org.secretary_member_id,
      secretary_name: secretaryName,
      marked_by_name: actor.displayName,
      marked_by: actor.userId || null,
      created_at: now,
      updated_at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'development_mark.create',
      entityType: 'development_mark',
      entityId: markId,
      changes: { year: { before: null, after: body.year }, reason: { before: null, after: body.reason.trim() } },
      detail: org.name,
    });
    await bumpVersion(trx, tenant, 'development');
    return markId;
  });
  return markOut(await repo.getMark(ctx.db, actor, id));
}

/** Undoes a mark with a reason (the row stays, with who undid it and why). */
export async function undoMark(ctx: Ctx, actor: Actor, id: number, reason: string): Promise<DevelopmentMarkT> {
  requireCapability(actor, 'development.plan');
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const mark = await repo.getMark(trx, actor, id);
    if (mark.org_id === actor.orgId) throw new DomainError('development.mark_own_org', { field: 'org' }, 403);
    if (mark.undone_at) throw new DomainError('development.mark_undone', undefined, 409);
    await repo.undoMark(trx, id, reason.trim(), actor.userId, now);
    await writeAudit(ctx, trx, actor, {
      action: 'development_mark.undo',
      entityType: 'development_mark',
      entityId: id,
      changes: { undoneAt: { before: null, after: now }, reason: { before: null, after: reason.trim() } },
      detail: mark.org_name,
    });
    await bumpVersion(trx, actor.tenantId!, 'development');
  });
  return markOut(await repo.getMark(ctx.db, actor, id));
}

/** The marks of a year in the caller's subtree (the interview list). */
export async function listMarks(
  ctx: Ctx,
  actor: Actor,
  q: { year: number; org?: number; undone?: boolean; page?: number; pageSize?: number },
): Promise<{ items: DevelopmentMarkT[]; total: number }> {
  const under = await orgsRepo.underOrg(ctx.db, actor, q.org);
  const { rows, total } = await repo.listMarks(
    ctx.db,
    actor,
    { year: q.year, under, undone: q.undone },
    { page: q.page ?? 1, pageSize: q.pageSize ?? 20 },
  );
  return { items: rows.map(markOut), total };
}

/** The organizations of a county that lost their award eligibility for a year (read by the assessment module). */
export async function ineligibleOrgs(ctx: Ctx, tenantId: number, year: number): Promise<Set<number>> {
  const marks = await repo.marksInRange(ctx.db, tenantId, ['/', '0'], year);
  return new Set(marks.map((m) => m.org_id));
}
