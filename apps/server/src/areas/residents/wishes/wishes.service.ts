/**
 * Micro-wishes and micro-suggestions (微心愿、微建议): posted by residents on their phones or by village
 * workers, shown on a public wall without personal data, claimed and fulfilled by members, confirmed by
 * the resident; a claim not fulfilled in time goes back to the wall.
 */
import {
  can,
  type PublicPlaceT,
  type PublicWishT,
  type ResidentRequestT,
  type ResidentWishT,
  type WishCreateT,
  type WishDetailT,
  type WishListQueryT,
  type WishT,
} from '@dangjian/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { inScope, requireCapability, scopeRange } from '../../../platform/actor.js';
import { diff, writeAudit, writeAuditBatch, type AuditEntry } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { bumpVersion, cached } from '../../../platform/versions.js';
import * as householdsRepo from '../households/households.repository.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { residentsRules } from '../common/residents.rules.js';
import { daysFor } from '../requests/requests.service.js';
import { deadline } from '../requests/requests.time.js';
import {
  addEvent,
  bumpRequestMonth,
  guardPhone,
  isPlaceOrg,
  listEvents,
  PLACE_FIELDS,
  PLACE_MIN_DEPTH,
  PLACE_TYPES,
  scrub,
  listResidentsPhotos,
  readResidentsPhoto,
  storeResidentsPhoto,
} from '../common/residents.shared.js';
import * as repo from './wishes.repository.js';
import { residentAuthor, type Resident } from '../signin/signin.service.js';

type Q = Kysely<DB> | Transaction<DB>;
const DAY_MS = 86_400_000;

/** Staff see residents and whole subtrees; members (service.claim) see the county's open wishes and their own claims. */
function isStaff(actor: Actor): boolean {
  return can(actor.role, 'residents.read');
}

function present(row: repo.WishRow, photos: number, staff: boolean): WishT {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Whether the actor may see a wish: staff inside their subtree, a member the open ones of the county and the ones they claimed. */
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
  if (!isPlaceOrg(org)) throw new DomainError('residents.org_not_village');
  return org;
}

// ---------------------------------------------------------------- claim release (job and lazy)

/**
 * Releases claims not fulfilled by their deadline back to the wall (event 'released'). Idempotent: a
 * released wish is open and no longer matches. Runs daily (`jobs run wishes`) and before wishes are read
 * or claimed, so a stale claim never blocks another member.
 */
export async function releaseExpiredClaims(
  ctx: Ctx,
  now: Date = ctx.clock(),
  tenantId: number | null = null,
): Promise<{ released: number }> {
  const nowIso = now.toISOString();
  const due = await repo.expiredClaims(ctx.db, tenantId, nowIso);
  if (!due.length) return { released: 0 };
  let released = 0;
  const byTenant = new Map<number, typeof due>();
  for (const d of due) byTenant.set(d.tenant_id, [...(byTenant.get(d.tenant_id) ?? []), d]);
  for (const [tenant, rows] of byTenant) {
    await ctx.db.transaction().execute(async (trx) => {
      const audits: AuditEntry[] = [];
      for (const r of rows) {
        const res = await trx
          .updateTable('wishes')
          .set({ status: 'open', claimed_by_member_id: null, claimed_at: null, claim_due_at: null, updated_at: nowIso })
          .where('id', '=', r.id)
          .where('status', '=', 'claimed')
          .where('claim_due_at', '<=', nowIso)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) continue;
        released++;
        await addEvent(trx, ctx, null, {
          tenantId: tenant,
          entity: 'wish',
          entityId: r.id,
          kind: 'released',
          note: `认领超过期限（${r.claim_due_at}）未完成，自动释放 claim expired`,
        });
        audits.push({
          action: 'wish.release_expired',
          entityType: 'wish',
          entityId: r.id,
          tenantId: tenant,
          actorName: 'system',
          changes: {
            status: { before: 'claimed', after: 'open' },
            claimedByMemberId: { before: r.claimed_by_member_id, after: null },
          },
        });
      }
      if (audits.length) {
        await writeAuditBatch(ctx, trx, null, audits);
        await bumpVersion(trx, tenant, 'residents');
      }
    });
  }
  return { released };
}

// ---------------------------------------------------------------- console: staff and members

/** Wishes for the console: staff see their subtree with residents (masked); members see the county's open wishes and their claims. */
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
  const { rows, total } = await repo.listWishes(ctx.db, f, query.page ?? 1, query.pageSize ?? 20);
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
  const photos = await listResidentsPhotos(ctx.db, 'wish', id);
  return {
    ...present(row, photos.length, isStaff(actor)),
    events: await listEvents(ctx.db, 'wish', id),
    photoList: photos.map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/wishes/${id}/photos/${p.id}` })),
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
    const now = ctx.clock().toISOString();
    const phone = guardPhone(ctx, body.phone);
    const { id } = await trx
      .insertInto('wishes')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        kind: body.kind,
        title: body.title.trim(),
        description: body.description.trim(),
        household_id: householdId,
        resident_name: body.residentName?.trim() || null,
        posted_via: 'worker',
        status: 'open',
        claimed_by_member_id: null,
        claimed_at: null,
        claim_due_at: null,
        fulfilled_at: null,
        fulfil_note: null,
        confirmed_at: null,
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
      entity: 'wish',
      entityId: id,
      kind: 'posted',
      toOrgId: org.id,
      note: '村（社区）代录 entered by a worker',
    });
    await writeAudit(ctx, trx, actor, {
      action: 'wish.create',
      entityType: 'wish',
      entityId: id,
      changes: diff(null, {
        orgId: org.id,
        kind: body.kind,
        title: body.title,
        residentName: body.residentName ?? null,
        phone: phone.phone_masked,
        postedVia: 'worker',
      }),
    });
    await bumpVersion(trx, org.tenant_id, 'residents');
    return id;
  });
  return get(ctx, actor, id);
}

/** A wish in the actor's write scope (staff with service.write), for delete, restore, confirm on behalf. */
async function staffWish(trx: Q, actor: Actor, id: number, opts: { includeDeleted?: boolean } = {}) {
  requireCapability(actor, 'residents.write');
  const row = await repo.findWish(trx, id, opts);
  if (!row || !inScope(actor, row.tenant_id, row.org_path)) throw notFound();
  return row;
}

/** Soft delete (restorable). */
export async function remove(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await staffWish(trx, actor, id);
    const now = ctx.clock().toISOString();
    await trx.updateTable('wishes').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, ctx, actor, { tenantId: row.tenant_id, entity: 'wish', entityId: id, kind: 'deleted' });
    await writeAudit(ctx, trx, actor, {
      action: 'wish.delete',
      entityType: 'wish',
      entityId: id,
      changes: { deletedAt: { before: null, after: now } },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
}

/** Restores a deleted wish. */
export async function restore(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await staffWish(trx, actor, id, { includeDeleted: true });
    if (!row.deleted_at) throw new DomainError('residents.wish_state');
    const now = ctx.clock().toISOString();
    await trx.updateTable('wishes').set({ deleted_at: null, updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, ctx, actor, { tenantId: row.tenant_id, entity: 'wish', entityId: id, kind: 'restored' });
    await writeAudit(ctx, trx, actor, {
      action: 'wish.restore',
      entityType: 'wish',
      entityId: id,
      changes: { deletedAt: { before: row.deleted_at, after: null } },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return get(ctx, actor, id);
}

/** The full phone number of a wish's resident (service.reveal), audited. */
export async function reveal(ctx: Ctx, actor: Actor, id: number): Promise<{ phone: string | null }> {
  requireCapability(actor, 'residents.reveal');
  const row = await repo.findWish(ctx.db, id, { includeDeleted: true });
  if (!row || !inScope(actor, row.tenant_id, row.org_path)) throw notFound();
  const phone = row.phone_enc ? ctx.vault.decrypt(row.phone_enc) : null;
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeAudit(ctx, trx, actor, { action: 'wish.reveal', entityType: 'wish', entityId: id, detail: 'phone' }),
    );
  return { phone };
}

/** The member id a claimer acts as: members (service.claim) and staff linked to a member record. */
function claimer(actor: Actor): number {
  if (!can(actor.role, 'residents.claim') && !can(actor.role, 'residents.write'))
    throw new DomainError('forbidden', { capability: 'residents.claim' });
  if (!actor.memberId) throw new DomainError('residents.member_required');
  return actor.memberId;
}

/** A member claims an open wish of their county; it must be fulfilled within wishClaimDays. */
export async function claim(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  const memberId = claimer(actor);
  const now = ctx.clock();
  await releaseExpiredClaims(ctx, now, actor.tenantId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findWish(trx, id);
    if (!row || row.tenant_id !== actor.tenantId) throw notFound();
    if (row.status !== 'open') throw new DomainError('residents.wish_not_open');
    const rules = await residentsRules(trx, row.tenant_id);
    const dueAt = new Date(now.getTime() + rules.wishClaimDays * DAY_MS).toISOString();
    const res = await trx
      .updateTable('wishes')
      .set({
        status: 'claimed',
        claimed_by_member_id: memberId,
        claimed_at: now.toISOString(),
        claim_due_at: dueAt,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    // Two members racing for one wish: only one update still finds it open.
    if (Number(res.numUpdatedRows) !== 1) throw new DomainError('residents.wish_not_open');
    await addEvent(trx, ctx, actor, {
      tenantId: row.tenant_id,
      entity: 'wish',
      entityId: id,
      kind: 'claimed',
      note: `完成期限 due ${dueAt}`,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'wish.claim',
      entityType: 'wish',
      entityId: id,
      changes: {
        status: { before: 'open', after: 'claimed' },
        claimedByMemberId: { before: null, after: memberId },
        claimDueAt: { before: null, after: dueAt },
      },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return get(ctx, actor, id);
}

/** A wish the calling member claimed (404 outside the county, `residents.wish_not_yours` for another's claim). */
async function myClaim(trx: Q, actor: Actor, id: number): Promise<repo.WishRow> {
  const memberId = claimer(actor);
  const row = await repo.findWish(trx, id);
  if (!row || row.tenant_id !== actor.tenantId) throw notFound();
  if (row.claimed_by_member_id !== memberId) throw new DomainError('residents.wish_not_yours', undefined, 403);
  return row;
}

/** The claimer reports the wish fulfilled, with a note (photos are uploaded separately). */
export async function fulfil(ctx: Ctx, actor: Actor, id: number, note: string): Promise<WishDetailT> {
  await releaseExpiredClaims(ctx, ctx.clock(), actor.tenantId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await myClaim(trx, actor, id);
    if (row.status !== 'claimed') throw new DomainError('residents.wish_state');
    const now = ctx.clock().toISOString();
    await trx
      .updateTable('wishes')
      .set({ status: 'fulfilled', fulfilled_at: now, fulfil_note: note.trim(), updated_at: now })
      .where('id', '=', id)
      .execute();
    await addEvent(trx, ctx, actor, {
      tenantId: row.tenant_id,
      entity: 'wish',
      entityId: id,
      kind: 'fulfilled',
      note: note.trim(),
    });
    await writeAudit(ctx, trx, actor, {
      action: 'wish.fulfil',
      entityType: 'wish',
      entityId: id,
      changes: { status: { before: 'claimed', after: 'fulfilled' }, fulfilNote: { before: null, after: note.trim() } },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return get(ctx, actor, id);
}

/** The claimer gives a wish back to the wall (or staff of its village free it). */
export async function release(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  await ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findWish(trx, id);
    const staffCan = found && can(actor.role, 'residents.write') && inScope(actor, found.tenant_id, found.org_path);
    const row = staffCan ? found : await myClaim(trx, actor, id);
    if (row.status !== 'claimed') throw new DomainError('residents.wish_state');
    const now = ctx.clock().toISOString();
    await trx
      .updateTable('wishes')
      .set({ status: 'open', claimed_by_member_id: null, claimed_at: null, claim_due_at: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await addEvent(trx, ctx, actor, {
      tenantId: row.tenant_id,
      entity: 'wish',
      entityId: id,
      kind: 'released',
      note: '主动释放 given back',
    });
    await writeAudit(ctx, trx, actor, {
      action: 'wish.release',
      entityType: 'wish',
      entityId: id,
      changes: {
        status: { before: 'claimed', after: 'open' },
        claimedByMemberId: { before: row.claimed_by_member_id, after: null },
      },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return get(ctx, actor, id);
}

/** Staff confirm on behalf of a resident without a phone sign-in (a wish they entered). */
export async function confirmForResident(ctx: Ctx, actor: Actor, id: number): Promise<WishDetailT> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await staffWish(trx, actor, id);
    await confirmRow(ctx, trx, actor, row);
  });
  return get(ctx, actor, id);
}

async function confirmRow(
  ctx: Ctx,
  trx: Q,
  author: Actor | null,
  row: repo.WishRow,
  auditName?: string,
): Promise<void> {
  if (row.status !== 'fulfilled') throw new DomainError('residents.wish_state');
  const now = ctx.clock().toISOString();
  await trx
    .updateTable('wishes')
    .set({ status: 'confirmed', confirmed_at: now, updated_at: now })
    .where('id', '=', row.id)
    .execute();
  await addEvent(trx, ctx, author, { tenantId: row.tenant_id, entity: 'wish', entityId: row.id, kind: 'confirmed' });
  await writeAudit(ctx, trx, auditName ? null : author, {
    action: 'wish.confirm',
    entityType: 'wish',
    entityId: row.id,
    tenantId: row.tenant_id,
    actorName: auditName ?? null,
    changes: { status: { before: 'fulfilled', after: 'confirmed' } },
  });
  await bumpVersion(trx, row.tenant_id, 'residents');
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
    const p = await storeResidentsPhoto(ctx, trx, row.tenant_id, 'wish', id, file);
    await trx.updateTable('wishes').set({ updated_at: ctx.clock().toISOString() }).where('id', '=', id).execute();
    await addEvent(trx, ctx, actor, { tenantId: row.tenant_id, entity: 'wish', entityId: id, kind: 'photo' });
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
  return readResidentsPhoto(ctx, 'wish', id, photoId);
}

// ---------------------------------------------------------------- public wall and places

async function tenants(db: Q): Promise<number[]> {
  const rows = await db
    .selectFrom('orgs')
    .select('tenant_id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('tenant_id')
    .execute();
  return [...new Set(rows.map((r) => r.tenant_id))];
}

/** The public wall: no names, no phone, no ID numbers; digits that look like them are masked. */
export async function publicWall(
  ctx: Ctx,
  query: { county?: number; status?: string; kind?: string; page?: number; pageSize?: number },
): Promise<{ items: PublicWishT[]; total: number }> {
  let tenantId: number | null = query.county ?? null;
  if (tenantId == null) {
    const all = await tenants(ctx.db);
    if (all.length === 1) tenantId = all[0]!;
  }
  if (query.status === 'withdrawn') return { items: [], total: 0 };
  await releaseExpiredClaims(ctx, ctx.clock(), tenantId);
  const f: repo.WishFilter = {
    tenantId,
    kind: query.kind,
    ...(query.status ? { status: query.status } : { statuses: ['open', 'claimed', 'fulfilled', 'confirmed'] }),
  };
  const { rows, total } = await repo.listWishes(ctx.db, f, query.page ?? 1, query.pageSize ?? 20);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as PublicWishT['kind'],
      title: scrub(r.title, r.resident_name),
      description: scrub(r.description, r.resident_name),
      orgName: r.org_name,
      status: r.status as PublicWishT['status'],
      createdAt: r.created_at,
      claimedAt: r.claimed_at,
      fulfilledAt: r.fulfilled_at,
      confirmedAt: r.confirmed_at,
    })),
    total,
  };
}

/** Villages and communities a resident can post to, with their township, cached by the roster's version. */
export async function places(ctx: Ctx, county?: number): Promise<PublicPlaceT[]> {
  const list = county != null ? [county] : await tenants(ctx.db);
  const out: PublicPlaceT[] = [];
  for (const tenant of list) {
    out.push(...(await cached(ctx.db, tenant, 'roster', 'public.places', () => placesOf(ctx.db, tenant))));
  }
  return out;
}

async function placesOf(db: Kysely<DB>, tenantId: number): Promise<PublicPlaceT[]> {
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('type', 'in', PLACE_TYPES)
    .where('field', 'in', PLACE_FIELDS)
    .where('depth', '>=', PLACE_MIN_DEPTH)
    .execute();
  // The township is the org right below the county on the path ('/county/township/village/').
  const townshipOf = (p: string) => Number(p.split('/').filter(Boolean)[1] ?? p.split('/').filter(Boolean)[0]);
  const ids = [...new Set(rows.map((r) => townshipOf(r.org_path)))];
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const o of await db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      names.set(o.id, o.name);
  }
  return rows
    .map((r) => ({ id: r.id, name: r.name, townshipName: names.get(townshipOf(r.org_path)) ?? '', countyId: tenantId }))
    .sort(
      (a, b) =>
        a.townshipName.localeCompare(b.townshipName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id,
    );
}

// ---------------------------------------------------------------- residents (phone sign-in)

function presentForResident(r: repo.WishRow): ResidentWishT {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as ResidentWishT['kind'],
    title: r.title,
    description: r.description,
    name: r.resident_name,
    status: r.status as ResidentWishT['status'],
    claimedByName: r.claimer_name,
    claimedAt: r.claimed_at,
    fulfilledAt: r.fulfilled_at,
    fulfilNote: r.fulfil_note,
    confirmedAt: r.confirmed_at,
    createdAt: r.created_at,
  };
}

/** The signed-in resident's own wishes (by phone), newest first. */
export async function residentWishes(
  ctx: Ctx,
  resident: Resident,
  page = 1,
  pageSize = 50,
): Promise<{ items: ResidentWishT[]; total: number }> {
  await releaseExpiredClaims(ctx, ctx.clock());
  const { rows, total } = await repo.listWishes(
    ctx.db,
    { tenantId: null, phoneHash: resident.phoneHash },
    page,
    pageSize,
  );
  return { items: rows.map(presentForResident), total };
}

/** A resident posts a wish to a village or community; their phone (from the session) is stored guarded. */
export async function residentPost(
  ctx: Ctx,
  resident: Resident,
  body: { orgId: number; kind: string; title: string; description: string; name?: string | null },
): Promise<ResidentWishT> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', body.orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!org) throw notFound();
    if (!isPlaceOrg(org)) throw new DomainError('residents.org_not_village');
    const now = ctx.clock().toISOString();
    const phone = guardPhone(ctx, resident.phone);
    const { id } = await trx
      .insertInto('wishes')
      .values({
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        kind: body.kind,
        title: body.title.trim(),
        description: body.description.trim(),
        household_id: null,
        resident_name: body.name?.trim() || null,
        posted_via: 'phone',
        status: 'open',
        claimed_by_member_id: null,
        claimed_at: null,
        claim_due_at: null,
        fulfilled_at: null,
        fulfil_note: null,
        confirmed_at: null,
        phone_enc: phone.phone_enc ?? null,
        phone_hash: phone.phone_hash ?? null,
        phone_masked: phone.phone_masked ?? null,
        created_by: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(trx, ctx, residentAuthor(resident), {
      tenantId: org.tenant_id,
      entity: 'wish',
      entityId: id,
      kind: 'posted',
      toOrgId: org.id,
      note: '群众手机提交 posted by the resident',
    });
    await writeAudit(ctx, trx, null, {
      action: 'wish.create',
      entityType: 'wish',
      entityId: id,
      tenantId: org.tenant_id,
      actorName: `resident:${resident.phoneMasked}`,
      changes: diff(null, {
        orgId: org.id,
        kind: body.kind,
        title: body.title,
        phone: resident.phoneMasked,
        postedVia: 'phone',
      }),
    });
    await bumpVersion(trx, org.tenant_id, 'residents');
    return id;
  });
  return presentForResident((await repo.findWish(ctx.db, id))!);
}

async function residentWish(trx: Q, resident: Resident, id: number): Promise<repo.WishRow> {
  const row = await repo.findWish(trx, id);
  if (!row || row.phone_hash !== resident.phoneHash) throw notFound();
  return row;
}

/** The resident confirms a fulfilled wish. */
export async function residentConfirm(ctx: Ctx, resident: Resident, id: number): Promise<ResidentWishT> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await residentWish(trx, resident, id);
    await confirmRow(ctx, trx, residentAuthor(resident), row, `resident:${resident.phoneMasked}`);
  });
  return presentForResident((await repo.findWish(ctx.db, id))!);
}

/** The resident withdraws a wish nobody has claimed yet. */
export async function residentWithdraw(ctx: Ctx, resident: Resident, id: number): Promise<ResidentWishT> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await residentWish(trx, resident, id);
    if (row.status !== 'open') throw new DomainError('residents.wish_state');
    const now = ctx.clock().toISOString();
    await trx.updateTable('wishes').set({ status: 'withdrawn', updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, ctx, residentAuthor(resident), {
      tenantId: row.tenant_id,
      entity: 'wish',
      entityId: id,
      kind: 'withdrawn',
    });
    await writeAudit(ctx, trx, null, {
      action: 'wish.withdraw',
      entityType: 'wish',
      entityId: id,
      tenantId: row.tenant_id,
      actorName: `resident:${resident.phoneMasked}`,
      changes: { status: { before: 'open', after: 'withdrawn' } },
    });
    await bumpVersion(trx, row.tenant_id, 'residents');
  });
  return presentForResident((await repo.findWish(ctx.db, id))!);
}

/** Requests recorded with the resident's phone number, newest first. */
export async function residentRequests(
  ctx: Ctx,
  resident: Resident,
  page = 1,
  pageSize = 50,
): Promise<{ items: ResidentRequestT[]; total: number }> {
  const base = ctx.db
    .selectFrom('requests as r')
    .where('r.phone_hash', '=', resident.phoneHash)
    .where('r.deleted_at', 'is', null);
  const total = Number((await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select([
      'r.id',
      'o.name as org_name',
      'r.category',
      'r.description',
      'r.level',
      'r.status',
      'r.accepted_at',
      'r.due_at',
      'r.closed_at',
      'r.result',
      'r.rating',
      'r.reopened',
    ])
    .orderBy('r.accepted_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgName: r.org_name,
      category: r.category,
      description: r.description,
      level: r.level,
      status: r.status,
      acceptedAt: r.accepted_at,
      dueAt: r.due_at,
      closedAt: r.closed_at,
      result: r.result,
      rating: r.rating as ResidentRequestT['rating'],
      reopened: Number(r.reopened),
    })),
    total,
  };
}

/**
 * The resident rates a closed request of theirs, written exactly as the requests module's `rate` writes a
 * worker's entry of the feedback card (its deadline helpers are reused): a rating once per closing;
 * 不满意 reopens while reopened < reopenLimit (rating cleared to the timeline, a new studied/coordinated
 * deadline), past the limit the rating is recorded and the request stays closed.
 */
export async function residentRate(
  ctx: Ctx,
  resident: Resident,
  id: number,
  rating: string,
): Promise<ResidentRequestT> {
  const author = residentAuthor(resident);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!r || r.phone_hash !== resident.phoneHash) throw notFound();
    if (!r.closed_at) throw new DomainError('residents.request_not_closed');
    if (r.rating) throw new DomainError('residents.already_rated');
    const now = ctx.clock().toISOString();
    const rules = await residentsRules(trx, r.tenant_id);
    const reopened = Number(r.reopened);
    const reopen = rating === 'dissatisfied' && reopened < rules.reopenLimit;
    let changes: Record<string, { before: unknown; after: unknown }> = { rating: { before: null, after: rating } };
    if (reopen) {
      const due = deadline(now, daysFor(rules, r.level, true)!);
      await trx
        .updateTable('requests')
        .set({
          status: 'reopened',
          closed_at: null,
          rating: null,
          rated_at: null,
          due_at: due,
          escalated_at: null,
          reopened: reopened + 1,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      changes = {
        ...changes,
        status: { before: r.status, after: 'reopened' },
        dueAt: { before: r.due_at, after: due },
        reopened: { before: reopened, after: reopened + 1 },
      };
      await addEvent(trx, ctx, author, {
        tenantId: r.tenant_id,
        entity: 'request',
        entityId: id,
        kind: 'rated',
        note: rating,
      });
      await addEvent(trx, ctx, author, {
        tenantId: r.tenant_id,
        entity: 'request',
        entityId: id,
        kind: 'reopened',
        note: due,
      });
    } else {
      await trx.updateTable('requests').set({ rating, rated_at: now, updated_at: now }).where('id', '=', id).execute();
      await addEvent(trx, ctx, author, {
        tenantId: r.tenant_id,
        entity: 'request',
        entityId: id,
        kind: 'rated',
        note: rating,
      });
    }
    await bumpVersion(trx, r.tenant_id, 'residents');
    await bumpRequestMonth(trx, r.tenant_id, r.accepted_at);
    await writeAudit(ctx, trx, null, {
      action: 'request.rate',
      entityType: 'request',
      entityId: id,
      tenantId: r.tenant_id,
      actorName: `resident:${resident.phoneMasked}`,
      changes,
    });
  });
  return (await residentRequests(ctx, resident, 1, 500)).items.find((x) => x.id === id)!;
}
