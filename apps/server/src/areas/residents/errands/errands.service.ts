/**
 * Proxy errands (党员代办, 红色暖心卡): a member takes an errand for a resident, records its steps and its
 * end. A member sees only their own errands; staff see their subtree and may record one for a member.
 */
import { can, type ErrandCreateT, type ErrandDetailT, type ErrandListQueryT, type ErrandT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { inScope, requireAnyCapability, requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete, type Q } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as householdsRepo from '../households/households.repository.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { createdStamps, phoneColumns } from '../../../platform/personal.js';
import { recycledChange } from '../common/recycle.js';
import * as repo from './errands.repository.js';
import { type ErrandAction, errandFlow } from './errands.workflow.js';
import { orgRefOf, placedIn, stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';

function isStaff(actor: Actor): boolean {
  return can(actor.role, 'residents.read');
}

function present(r: repo.ErrandRow): ErrandT {
  return {
    ...orgRefOf(r),
    memberId: r.member_id,
    memberName: r.member_name,
    householdId: r.household_id,
    residentName: r.resident_name,
    phone: r.phone_masked,
    cardNo: r.card_no,
    title: r.title,
    description: r.description,
    status: r.status as ErrandT['status'],
    takenAt: r.taken_at,
    doneAt: r.done_at,
    result: r.result,
    ...stampsOf(r),
  };
}

/** Errands: staff see their subtree (or their own with mine=true), a member only their own. */
export async function list(ctx: Ctx, actor: Actor, query: ErrandListQueryT): Promise<Listed<ErrandT>> {
  const f: repo.ErrandFilter = { tenantId: actor.tenantId!, status: query.status, q: query.q?.trim() || undefined };
  if (isStaff(actor)) {
    f.range = query.org ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path) : scopeRange(actor);
    f.deleted = query.deleted;
    if (query.mine) f.memberId = actor.memberId ?? -1;
  } else {
    requireCapability(actor, 'residents.claim');
    f.memberId = actor.memberId ?? -1;
  }
  const { page, pageSize } = pagingOf(query);
  const { rows, total } = await repo.listErrands(ctx.db, f, page, pageSize);
  return { items: rows.map(present), total };
}

/** One errand with its steps; 404 for an errand the actor may not see. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ErrandDetailT> {
  requireAnyCapability(actor, 'residents.read', 'residents.claim');
  const row = await repo.findErrand(ctx.db, id, { includeDeleted: isStaff(actor) });
  if (!row || !visible(actor, row)) throw notFound();
  return {
    ...present(row),
    events: await listTimeline(ctx.db, 'errand', id),
    actions: row.deleted_at ? [] : allowedActions(asUser(actor), errandFlow, row),
  };
}

function visible(actor: Actor, row: repo.ErrandRow): boolean {
  if (isStaff(actor)) return inScope(actor, row.tenant_id, row.org_path);
  return (
    can(actor.role, 'residents.claim') &&
    row.tenant_id === actor.tenantId &&
    actor.memberId != null &&
    row.member_id === actor.memberId
  );
}

/**
 * An errand the actor may change: staff with service.write in their subtree, or the member who took it.
 * Another member's errand answers `residents.errand_not_yours` (the county is the member's to know).
 */
async function writable(
  trx: Q,
  actor: Actor,
  id: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<repo.ErrandRow> {
  requireAnyCapability(actor, 'residents.write', 'residents.claim');
  const row = await repo.findErrand(trx, id, opts);
  if (!row || row.tenant_id !== actor.tenantId) throw notFound();
  if (can(actor.role, 'residents.write')) {
    if (inScope(actor, row.tenant_id, row.org_path)) return row;
    throw notFound();
  }
  requireCapability(actor, 'residents.claim');
  if (actor.memberId == null || row.member_id !== actor.memberId)
    throw new DomainError('residents.errand_not_yours', undefined, 403);
  return row;
}

/** A member takes an errand (memberId defaults to the caller's member); staff may record one for a member in scope. */
export async function create(ctx: Ctx, actor: Actor, body: ErrandCreateT): Promise<ErrandDetailT> {
  const staff = can(actor.role, 'residents.write');
  if (!staff) requireCapability(actor, 'residents.claim');
  const memberId = body.memberId ?? actor.memberId;
  if (!memberId) throw new DomainError('residents.member_required');
  const id = await ctx.db.transaction().execute(async (trx) => {
    // Staff record errands in their subtree; a member may take one for a resident anywhere in the county.
    const org = staff
      ? await orgsRepo.getOrg(trx, actor, body.orgId)
      : await orgsRepo.getOrg(trx, { ...actor, orgPath: `/${actor.tenantId}/` }, body.orgId);
    // The caller's own member record, or (staff only) a member of the caller's scope; anyone else is 404.
    if (memberId !== actor.memberId && !staff) throw new DomainError('residents.errand_not_yours', { memberId }, 403);
    const member =
      memberId === actor.memberId
        ? await membersRepo.requireMemberOfCounty(trx, actor, memberId)
        : await membersRepo.requireMemberInScope(trx, actor, memberId);
    // A linked household must be the caller's and lie in the errand's organization.
    if (body.householdId != null)
      await householdsRepo.requireHouseholdInScope(trx, actor, body.householdId, org.org_path);
    const now = ctx.clock().toISOString();
    const phone = phoneColumns(ctx, body.phone);
    const id = await repo.insertErrand(trx, {
      ...placedIn(org),
      member_id: memberId,
      household_id: body.householdId ?? null,
      resident_name: body.residentName.trim(),
      card_no: body.cardNo?.trim() || null,
      title: body.title.trim(),
      description: body.description?.trim() || null,
      status: 'in_progress',
      taken_at: now,
      done_at: null,
      result: null,
      ...phone,
      ...createdStamps(actor.userId || null, now),
    });
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: org.tenant_id,
      entityType: 'errand',
      entityId: id,
      orgPath: org.org_path,
      action: 'taken',
      toState: 'in_progress',
      note: `${member.name} 承接 took it`,
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'errand.create',
      entityType: 'errand',
      entityId: id,
      changes: diff(null, {
        orgId: org.id,
        memberId,
        title: body.title,
        residentName: body.residentName,
        phone: phone.phone_masked ?? null,
        cardNo: body.cardNo ?? null,
      }),
    });
    await bumpVersion(trx, org.tenant_id, 'residents');
    return id;
  });
  return get(ctx, actor, id);
}

/** Makes one move of an errand (checked and recorded by the flow) and answers the errand as it is now. */
async function moveErrand(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: ErrandAction,
  input: Record<string, unknown>,
): Promise<ErrandDetailT> {
  requireMove(asUser(actor), errandFlow, action);
  const row = await repo.findErrand(ctx.db, id);
  if (!row) throw notFound();
  await act(ctx, asUser(actor), errandFlow, row, action, input);
  return get(ctx, actor, id);
}

/** Records a step of an errand in progress. */
export async function step(ctx: Ctx, actor: Actor, id: number, note: string): Promise<ErrandDetailT> {
  return moveErrand(ctx, actor, id, 'step', { note });
}

/** Ends an errand: done with its result, or cancelled with a reason. */
export async function finish(
  ctx: Ctx,
  actor: Actor,
  id: number,
  outcome: 'done' | 'cancelled',
  text: string,
): Promise<ErrandDetailT> {
  return outcome === 'done'
    ? moveErrand(ctx, actor, id, 'done', { result: text })
    : moveErrand(ctx, actor, id, 'cancel', { reason: text });
}

/** Soft delete (staff with residents.write), with its timeline entry. */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  const row = await writable(ctx.db, actor, id);
  await softDelete(ctx, actor, 'errands', id, recycledChange(ctx, actor, 'errand', row, true));
}

/** Restores a deleted errand. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<ErrandDetailT> {
  requireCapability(actor, 'residents.write');
  const row = await writable(ctx.db, actor, id, { includeDeleted: true });
  if (!row.deleted_at) throw new DomainError('residents.errand_state');
  await restoreRow(ctx, actor, 'errands', id, recycledChange(ctx, actor, 'errand', row, false));
  return get(ctx, actor, id);
}
