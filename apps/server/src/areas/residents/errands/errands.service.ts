/**
 * Proxy errands (党员代办, 红色暖心卡): a member takes an errand for a resident, records its steps and its
 * end. A member sees only their own errands; staff see their subtree and may record one for a member.
 */
import { can, type ErrandCreateT, type ErrandDetailT, type ErrandListQueryT, type ErrandT } from '@dangjian/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { inScope, requireAnyCapability, requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/versions.js';
import * as householdsRepo from '../households/households.repository.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { addEvent, guardPhone, listEvents } from '../common/residents.shared.js';
import * as repo from '../wishes/wishes.repository.js';

type Q = Kysely<DB> | Transaction<DB>;

function isStaff(actor: Actor): boolean {
  return can(actor.role, 'residents.read');
}

function present(r: repo.ErrandRow): ErrandT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
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
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** Errands: staff see their subtree (or their own with mine=true), a member only their own. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  query: ErrandListQueryT,
): Promise<{ items: ErrandT[]; total: number }> {
  const f: repo.ErrandFilter = { tenantId: actor.tenantId!, status: query.status, q: query.q?.trim() || undefined };
  if (isStaff(actor)) {
    f.range = query.org ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path) : scopeRange(actor);
    f.deleted = query.deleted;
    if (query.mine) f.memberId = actor.memberId ?? -1;
  } else {
    requireCapability(actor, 'residents.claim');
    f.memberId = actor.memberId ?? -1;
  }
  const { rows, total } = await repo.listErrands(ctx.db, f, query.page ?? 1, query.pageSize ?? 20);
  return { items: rows.map(present), total };
}

/** One errand with its steps; 404 for an errand the actor may not see. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<ErrandDetailT> {
  requireAnyCapability(actor, 'residents.read', 'residents.claim');
  const row = await repo.findErrand(ctx.db, id, { includeDeleted: isStaff(actor) });
  if (!row || !visible(actor, row)) throw notFound();
  return { ...present(row), events: await listEvents(ctx.db, 'errand', id) };
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
    const phone = guardPhone(ctx, body.phone);
    const { id } = await trx
      .insertInto('errands')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
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
        phone_enc: phone.phone_enc ?? null,
        phone_hash: phone.phone_hash ?? null,
        phone_masked: phone.phone_masked ?? null,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(trx, ctx, actor, {
      tenantId: org.tenant_id,
      entity: 'errand',
      entityId: id,
      kind: 'taken',
      note: `${member.name} 承接 took it`,
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

/** Records a step of an errand in progress. */
export async function step(ctx: Ctx, actor: Actor, id: number, note: string): Promise<ErrandDetailT> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    if (row.status !== 'in_progress') throw new DomainError('residents.errand_state');
    await trx.updateTable('errands').set({ updated_at: ctx.clock().toISOString() }).where('id', '=', id).execute();
    await addEvent(trx, ctx, actor, {
      tenantId: row.tenant_id,
      entity: 'errand',
      entityId: id,
      kind: 'step',
      note: note.trim(),
    });
    await writeAudit(ctx, trx, actor, {
      action: 'errand.step',
      entityType: 'errand',
      entityId: id,
      detail: note.trim().slice(0, 200),
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return get(ctx, actor, id);
}

/** Ends an errand: done with its result, or cancelled with a reason. */
export async function finish(
  ctx: Ctx,
  actor: Actor,
  id: number,
  outcome: 'done' | 'cancelled',
  text: string,
): Promise<ErrandDetailT> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    if (row.status !== 'in_progress') throw new DomainError('residents.errand_state');
    const now = ctx.clock().toISOString();
    await trx
      .updateTable('errands')
      .set(
        outcome === 'done'
          ? { status: 'done', done_at: now, result: text.trim(), updated_at: now }
          : { status: 'cancelled', done_at: now, updated_at: now },
      )
      .where('id', '=', id)
      .execute();
    await addEvent(trx, ctx, actor, {
      tenantId: row.tenant_id,
      entity: 'errand',
      entityId: id,
      kind: outcome,
      note: text.trim(),
    });
    await writeAudit(ctx, trx, actor, {
      action: `errand.${outcome === 'done' ? 'done' : 'cancel'}`,
      entityType: 'errand',
      entityId: id,
      changes: {
        status: { before: 'in_progress', after: outcome },
        ...(outcome === 'done' ? { result: { before: null, after: text.trim() } } : {}),
      },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return get(ctx, actor, id);
}

/** Soft delete (staff with service.write). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'residents.write');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id);
    const now = ctx.clock().toISOString();
    await trx.updateTable('errands').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, ctx, actor, { tenantId: row.tenant_id, entity: 'errand', entityId: id, kind: 'deleted' });
    await writeAudit(ctx, trx, actor, {
      action: 'errand.delete',
      entityType: 'errand',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
}

/** Restores a deleted errand. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<ErrandDetailT> {
  requireCapability(actor, 'residents.write');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id, { includeDeleted: true });
    if (!row.deleted_at) throw new DomainError('residents.errand_state');
    const now = ctx.clock().toISOString();
    await trx.updateTable('errands').set({ deleted_at: null, updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, ctx, actor, { tenantId: row.tenant_id, entity: 'errand', entityId: id, kind: 'restored' });
    await writeAudit(ctx, trx, actor, {
      action: 'errand.restore',
      entityType: 'errand',
      entityId: id,
      changes: { deletedAt: { before: row.deleted_at, after: null } },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return get(ctx, actor, id);
}
