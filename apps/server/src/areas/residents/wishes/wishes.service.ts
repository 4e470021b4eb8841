/**
 * Micro-wishes and micro-suggestions (微心愿、微建议): posted by residents on their phones or by village
 * workers, shown on a public wall without personal data, claimed and fulfilled by members, confirmed by
 * the resident; a claim not fulfilled in time goes back to the wall.
 */
import { can, type WishCreateT, type WishDetailT, type WishListQueryT, type WishT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { inScope, requireCapability, scopeRange } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { restore as restoreRow, softDelete, type Q } from '../../../platform/data/scoped.js';
import { addTimeline, listTimeline } from '../../../platform/data/timeline.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { act, allowedActions, asUser, authorOf, requireMove } from '../../../platform/workflow.js';
import * as householdsRepo from '../households/households.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { phoneColumns, scrub } from '../../../platform/personal.js';
import { listPhotos, readPhoto, storePhoto } from '../../../platform/data/photos.js';
import { isVillage } from '../common/places.js';
import { releaseExpiredClaims } from './wishes.expiry.js';
import { recycledChange } from '../common/recycle.js';
import { revealNumbers } from '../../../platform/reveal.js';
import { postWish } from './wishes.post.js';
import * as repo from './wishes.repository.js';
import { type WishAction, wishFlow } from './wishes.workflow.js';

// The wall, the residents' phone pages and the expiry job live in their own files; the routes reach them here.
export { releaseExpiredClaims } from './wishes.expiry.js';
export { places, publicWall } from './wishes.public.js';
export {
  residentConfirm,
  residentPost,
  residentRate,
  residentRequests,
  residentWishes,
  residentWithdraw,
} from './wishes.resident.js';
import { orgRefOf, stampsOf } from '../../../platform/stamps.js';
import { pagingOf } from '../../../platform/listing.js';

/** Staff see residents and whole subtrees; members (residents.claim) the county's open wishes and their claims. */
function isStaff(actor: Actor): boolean {
  return can(actor.role, 'residents.read');
}

function present(row: repo.WishRow, photos: number, staff: boolean): WishT {
  return {
    ...orgRefOf(row),
    kind: row.kind as WishT['kind'],
    title: staff ? row.title : scrub(row.title, row.resident_name),
    description: staff ? row.description : scrub(row.description, row.resident_name),
    residentName: staff ? row.resident_name : null,
    phone: staff ? row.phone_masked : null,
    householdId: staff ? row.household_id : null,
    postedVia: row.posted_via as WishT['postedVia'],
    status: row.status as WishT['status'],
    claimedBy: row.claimed_by_member_id ? { memberId: row.claimed_by_member_id, name: row.claimer_name ?? '' } : null,
    claimedAt: row.claimed_at,
    claimDueAt: row.claim_due_at,
    fulfilledAt: row.fulfilled_at,
    fulfilNote: row.fulfil_note,
    confirmedAt: row.confirmed_at,
    photos,
    ...stampsOf(row),
  };
}

/** Whether the actor may see a wish: staff in their subtree, a member the county's open ones and their claims. */
function canSee(actor: Actor, row: repo.WishRow): boolean {
  if (isStaff(actor)) return inScope(actor, row.tenant_id, row.org_path);
  if (!can(actor.role, 'residents.claim') || row.tenant_id !== actor.tenantId) return false;
  return (
    !row.deleted_at &&
    (row.status === 'open' || (actor.memberId != null && row.claimed_by_member_id === actor.memberId))
  );
}

/** A live village/community org inside the actor's scope, else 404 / `residents.org_not_village`. */
async function villageInScope(db: Q, actor: Actor, orgId: number) {
  const org = await orgsRepo.getOrg(db, actor, orgId);
  if (!isVillage(org)) throw new DomainError('residents.org_not_village');
  return org;
}

// ---------------------------------------------------------------- console: staff and members

/** Wishes for the console: staff see their subtree with residents (masked); members the county's open wishes. */
export async function list(ctx: Ctx, actor: Actor, query: WishListQueryT): Promise<{ items: WishT[]; total: number }> {
  const staff = isStaff(actor);
  if (!staff) requireCapability(actor, 'residents.claim');
  await releaseExpiredClaims(ctx, ctx.clock(), actor.tenantId);
  const f: repo.WishFilter = {
    tenantId: actor.tenantId!,
    kind: query.kind,
    status: query.status,
    q: query.q?.trim() || undefined,
  };
  if (staff) {
    f.range = query.org ? subtreeRange((await orgsRepo.getOrg(ctx.db, actor, query.org)).org_path) : scopeRange(actor);
    f.deleted = query.deleted;
    if (query.mine) f.claimedBy = actor.memberId ?? -1;
  } else {
    if (query.org)
      f.range = subtreeRange(
        (await orgsRepo.getOrg(ctx.db, { ...actor, orgPath: `/${actor.tenantId}/` }, query.org)).org_path,
      );
    if (query.mine) f.claimedBy = actor.memberId ?? -1;
    else f.openOrClaimedBy = actor.memberId ?? -1;
  }
  const { page, pageSize } = pagingOf(query);
  const { rows, total } = await repo.listWishes(ctx.db, f, page, pageSize);
  const photos = await repo.photoCounts(
    ctx.db,
    'wish',
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, photos.get(r.id) ?? 0, staff)), total };
}

/** The wishes the calling member claimed, newest first (any status). */
export async function mine(
  ctx: Ctx,
  actor: Actor,
  page = 1,
  pageSize = 50,
): Promise<{ items: WishT[]; total: number }> {
  const memberId = claimer(actor);
  await releaseExpiredClaims(ctx, ctx.clock(), actor.tenantId);
  const { rows, total } = await repo.listWishes(
    ctx.db,
    { tenantId: actor.tenantId!, claimedBy: memberId },
    page,
    pageSize,
  );
  const photos = await repo.photoCounts(
    ctx.db,
    'wish',
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, photos.get(r.id) ?? 0, isStaff(actor))), total };
}

/** One wish with its timeline and photos (404 when the actor may not see it). */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  if (!isStaff(actor)) requireCapability(actor, 'residents.claim');
  await releaseExpiredClaims(ctx, ctx.clock(), actor.tenantId);
  const row = await repo.findWish(ctx.db, id, { includeDeleted: isStaff(actor) });
  if (!row || !canSee(actor, row)) throw notFound();
  const photos = await listPhotos(ctx.db, 'wish', id);
  return {
    ...present(row, photos.length, isStaff(actor)),
    events: await listTimeline(ctx.db, 'wish', id),
    photoList: photos.map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/wishes/${id}/photos/${p.id}` })),
    actions: row.deleted_at ? [] : allowedActions(asUser(actor), wishFlow, row),
  };
}

/** A village worker posts a wish for a resident (posted via 'worker'); the phone is guarded. */
export async function create(ctx: Ctx, actor: Actor, body: WishCreateT): Promise<WishDetailT> {
  requireCapability(actor, 'residents.write');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await villageInScope(trx, actor, body.orgId);
    // The household must be the caller's and lie in the wish's village.
    const householdId =
      body.householdId == null
        ? null
        : (await householdsRepo.requireHouseholdInScope(trx, actor, body.householdId, org.org_path)).id;
    const phone = phoneColumns(ctx, body.phone);
    return postWish(
      ctx,
      trx,
      { flow: asUser(actor), user: actor },
      {
        org,
        kind: body.kind,
        title: body.title,
        description: body.description,
        householdId,
        residentName: body.residentName?.trim() || null,
        via: 'worker',
        phone,
        note: '村（社区）代录 entered by a worker',
        audited: { residentName: body.residentName ?? null, phone: phone.phone_masked },
      },
    );
  });
  return get(ctx, actor, id);
}

/** A wish in the actor's write scope (staff with residents.write), for delete and restore. */
async function staffWish(db: Q, actor: Actor, id: number, opts: { includeDeleted?: boolean } = {}) {
  requireCapability(actor, 'residents.write');
  const row = await repo.findWish(db, id, opts);
  if (!row || !inScope(actor, row.tenant_id, row.org_path)) throw notFound();
  return row;
}

/** Soft delete (restorable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  const row = await staffWish(ctx.db, actor, id);
  await softDelete(ctx, actor, 'wishes', id, recycledChange(ctx, actor, 'wish', row, true));
}

/** Restores a deleted wish. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  const row = await staffWish(ctx.db, actor, id, { includeDeleted: true });
  if (!row.deleted_at) throw new DomainError('residents.wish_state');
  await restoreRow(ctx, actor, 'wishes', id, recycledChange(ctx, actor, 'wish', row, false));
  return get(ctx, actor, id);
}

/** The full phone number of a wish's resident (service.reveal), audited. */
export async function reveal(ctx: Ctx, actor: Actor, id: number): Promise<{ phone: string | null }> {
  requireCapability(actor, 'residents.reveal');
  const row = await repo.findWish(ctx.db, id, { includeDeleted: true });
  if (!row || !inScope(actor, row.tenant_id, row.org_path)) throw notFound();
  const { phone = null } = await revealNumbers(ctx, actor, 'wish', id, row, ['phone']);
  return { phone };
}

/** The member id a claimer acts as: members (residents.claim) and staff linked to a member record. */
function claimer(actor: Actor): number {
  if (!can(actor.role, 'residents.claim') && !can(actor.role, 'residents.write'))
    throw new DomainError('forbidden', { capability: 'residents.claim' });
  if (!actor.memberId) throw new DomainError('residents.member_required');
  return actor.memberId;
}

/** A wish the calling member claimed (404 outside the county, `residents.wish_not_yours` for another's claim). */
async function myClaim(db: Q, actor: Actor, id: number): Promise<repo.WishRow> {
  const memberId = claimer(actor);
  const row = await repo.findWish(db, id);
  if (!row || row.tenant_id !== actor.tenantId) throw notFound();
  if (row.claimed_by_member_id !== memberId) throw new DomainError('residents.wish_not_yours', undefined, 403);
  return row;
}

/** One move of a wish by a user (checked and recorded by the flow), after stale claims went back to the wall. */
async function moveWish(
  ctx: Ctx,
  actor: Actor,
  id: number,
  action: WishAction,
  input: Record<string, unknown> = {},
): Promise<WishDetailT> {
  requireMove(asUser(actor), wishFlow, action);
  await releaseExpiredClaims(ctx, ctx.clock(), actor.tenantId);
  const row = await repo.findWish(ctx.db, id);
  if (!row) throw notFound();
  await act(ctx, asUser(actor), wishFlow, row, action, input);
  return get(ctx, actor, id);
}

/** A member claims an open wish of their county; it must be fulfilled within wishClaimDays. */
export async function claim(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  return moveWish(ctx, actor, id, 'claim');
}

/** The claimer reports the wish fulfilled, with a note (photos are uploaded separately). */
export async function fulfil(ctx: Ctx, actor: Actor, id: number, note: string): Promise<WishDetailT> {
  return moveWish(ctx, actor, id, 'fulfil', { note });
}

/** The claimer gives a wish back to the wall (or staff of its village free it). */
export async function release(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  return moveWish(ctx, actor, id, 'release');
}

/** Staff confirm on behalf of a resident without a phone sign-in (never the member who fulfilled it). */
export async function confirmForResident(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  return moveWish(ctx, actor, id, 'confirm');
}

/** Adds a photo of the fulfilment: the claimer, or staff of the wish's village. */
export async function addPhoto(
  ctx: Ctx,
  actor: Actor,
  id: number,
  file: Buffer,
): Promise<{ id: number; mime: string; bytes: number; url: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findWish(trx, id);
    const staffCan = found && can(actor.role, 'residents.write') && inScope(actor, found.tenant_id, found.org_path);
    const row = staffCan ? found : await myClaim(trx, actor, id);
    if (!['claimed', 'fulfilled', 'confirmed'].includes(row.status)) throw new DomainError('residents.wish_state');
    const p = await storePhoto(ctx, trx, row.tenant_id, 'wish', id, file);
    const now = ctx.clock().toISOString();
    await repo.touchWish(trx, id, now);
    await addTimeline(trx, authorOf(asUser(actor)), {
      tenantId: row.tenant_id,
      entityType: 'wish',
      entityId: id,
      orgPath: row.org_path,
      action: 'photo',
      at: now,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'wish.photo_add',
      entityType: 'wish',
      entityId: id,
      detail: `photo ${p.id} ${p.mime} ${p.bytes} bytes`,
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
    return { id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/wishes/${id}/photos/${p.id}` };
  });
}

/** A photo of a wish the actor may see. */
export async function photo(ctx: Ctx, actor: Actor, id: number, photoId: number) {
  if (!isStaff(actor)) requireCapability(actor, 'residents.claim');
  const row = await repo.findWish(ctx.db, id, { includeDeleted: isStaff(actor) });
  if (!row || !canSee(actor, row)) throw notFound();
  return readPhoto(ctx, 'wish', id, photoId);
}
