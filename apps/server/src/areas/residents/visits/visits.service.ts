/**
 * Door-to-door visits (走访, 进家门解百姓难): a cadre's visit to a household of the scope, its photos, an
 * optional request raised on the spot, and the quotas of the rules — every village each quarter, each
 * township cadre some days and households a week.
 */
import type { VisitCreateT, VisitListQueryT, VisitPatchT, VisitT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { diff, writeAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { rangeOf, restore, softDelete } from '../../../platform/data/scoped.js';
import { countPhotos, listPhotos, readPhoto, storePhoto } from '../../../platform/data/photos.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { insertRequest } from '../requests/requests.service.js';
import * as membersRepo from '../../core/members/members.repository.js';
import * as householdsRepo from '../households/households.repository.js';
import { chinaDay } from '../requests/requests.time.js';
import * as repo from './visits.repository.js';
import { stampsOf } from '../../../platform/stamps.js';
import { type Listed, pagingOf } from '../../../platform/listing.js';
import { writeRecorder } from '../../../platform/data/record.js';

/** Visit writes change the residents' figures and the visit quotas. */
const recordVisit = writeRecorder('visit', ['residents', 'visits']);

export { quotas } from './visits.quotas.js';

function today(ctx: Ctx): string {
  return chinaDay(ctx.clock());
}

/** The API items of some visit rows: household, visitor and org names and photo counts, for the page only. */
async function toItems(
  ctx: Ctx,
  rows: Pick<
    repo.VisitRow,
    | 'id'
    | 'org_id'
    | 'household_id'
    | 'visitor_member_id'
    | 'visited_on'
    | 'found'
    | 'promised'
    | 'request_id'
    | 'created_at'
    | 'updated_at'
    | 'deleted_at'
  >[],
): Promise<VisitT[]> {
  if (!rows.length) return [];
  const {
    households: h,
    members: m,
    orgs: o,
  } = await repo.namesOf(ctx.db, {
    households: [...new Set(rows.map((r) => r.household_id))],
    members: [...new Set(rows.map((r) => r.visitor_member_id))],
    orgs: [...new Set(rows.map((r) => r.org_id))],
  });
  const p = await countPhotos(
    ctx.db,
    'visit',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: o.get(r.org_id) ?? '',
    householdId: r.household_id,
    householdHead: h.get(r.household_id)?.head_name ?? '',
    householdAddress: h.get(r.household_id)?.address ?? '',
    visitorMemberId: r.visitor_member_id,
    visitorName: m.get(r.visitor_member_id) ?? '',
    visitedOn: r.visited_on,
    found: r.found,
    promised: r.promised,
    requestId: r.request_id,
    photos: p.get(r.id) ?? 0,
    ...stampsOf(r),
  }));
}

/** Visits of a subtree, newest first. */
export async function list(ctx: Ctx, actor: Actor, query: VisitListQueryT): Promise<Listed<VisitT>> {
  requireCapability(actor, 'residents.read');
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const [lo, hi] = rangeOf(actor, underPath);
  const filter = {
    underPath,
    deleted: query.deleted,
    from: query.from,
    to: query.to,
    visitor: query.visitor,
    q: query.q?.trim() || undefined,
  };
  const asked = JSON.stringify({ ...query, page: undefined, pageSize: undefined, org: undefined });
  const key = `visits|${lo}|${hi}|${asked}`;
  const { rows, total } = await repo.listVisits(ctx.db, actor, filter, pagingOf(query), key);
  return { items: await toItems(ctx, rows), total };
}

/** One visit with its photos' links. */
export async function get(
  ctx: Ctx,
  actor: Actor,
  id: number,
): Promise<VisitT & { photoList: { id: number; mime: string; bytes: number; url: string }[] }> {
  requireCapability(actor, 'residents.read');
  const row = await repo.getVisit(ctx.db, actor, id, 'any');
  const [item] = await toItems(ctx, [row]);
  const photos = await listPhotos(ctx.db, 'visit', id);
  return {
    ...item!,
    photoList: photos.map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/visits/${id}/photos/${p.id}` })),
  };
}

/**
 * Records a visit by a cadre serving the household (`requireServingMember`) to a household of the scope; a
 * request raised there is accepted by the household's organization (channel outreach).
 */
export async function create(ctx: Ctx, actor: Actor, input: VisitCreateT) {
  requireCapability(actor, 'residents.write');
  const h = await householdsRepo.requireHouseholdInScope(ctx.db, actor, input.householdId);
  const visitor = await membersRepo.requireServingMember(ctx.db, actor, input.visitorMemberId, h.org_path);
  if (input.visitedOn > today(ctx)) throw new DomainError('residents.in_future');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    let requestId: number | null = null;
    if (input.request) {
      requestId = await insertRequest(
        ctx,
        trx,
        actor,
        { id: h.org_id, tenant_id: h.tenant_id, org_path: h.org_path },
        {
          channel: 'outreach',
          category: input.request.category,
          level: input.request.level,
          description: input.request.description,
          result: input.request.result ?? null,
          householdId: h.id,
          residentName: h.head_name,
          phone: { phone_enc: h.phone_enc, phone_hash: h.phone_hash, phone_masked: h.phone_masked },
          ownerMemberId: visitor!.id,
          ownerName: visitor!.name,
        },
      );
    }
    const id = await repo.insertVisit(trx, {
      tenant_id: h.tenant_id,
      org_id: h.org_id,
      org_path: h.org_path,
      household_id: h.id,
      visitor_member_id: visitor!.id,
      visited_on: input.visitedOn,
      found: input.found.trim(),
      promised: input.promised?.trim() || null,
      request_id: requestId,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await recordVisit(ctx, trx, actor, h.tenant_id, {
      action: 'visit.create',
      entityId: id,
      changes: diff(null, { householdId: h.id, visitorMemberId: visitor!.id, visitedOn: input.visitedOn, requestId }),
    });
    return id;
  });
  return get(ctx, actor, id);
}

/** Edits a visit (date, visitor, what was found and promised). */
export async function update(ctx: Ctx, actor: Actor, id: number, patch: VisitPatchT) {
  requireCapability(actor, 'residents.write');
  const row = await repo.getVisit(ctx.db, actor, id);
  if (patch.visitedOn && patch.visitedOn > today(ctx)) throw new DomainError('residents.in_future');
  const visitor =
    patch.visitorMemberId != null
      ? await membersRepo.requireServingMember(ctx.db, actor, patch.visitorMemberId, row.org_path)
      : null;
  const set: Record<string, unknown> = {};
  if (visitor) set.visitor_member_id = visitor.id;
  if (patch.visitedOn) set.visited_on = patch.visitedOn;
  if (patch.found) set.found = patch.found.trim();
  if (patch.promised !== undefined) set.promised = patch.promised?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateVisit(trx, id, { ...set, updated_at: ctx.clock().toISOString() });
    const before = {
      visitorMemberId: row.visitor_member_id,
      visitedOn: row.visited_on,
      found: row.found,
      promised: row.promised,
    };
    const after = {
      visitorMemberId: visitor?.id ?? row.visitor_member_id,
      visitedOn: patch.visitedOn ?? row.visited_on,
      found: (set.found as string) ?? row.found,
      promised: patch.promised !== undefined ? (set.promised as string | null) : row.promised,
    };
    await recordVisit(ctx, trx, actor, row.tenant_id, {
      action: 'visit.update',
      entityId: id,
      changes: diff(before, after),
    });
  });
  return get(ctx, actor, id);
}

/** Soft-deletes (or restores) a visit. */
export async function setDeleted(ctx: Ctx, actor: Actor, id: number, deleted: boolean) {
  requireCapability(actor, 'residents.write');
  const row = await repo.getVisit(ctx.db, actor, id, 'any');
  // Deleting a deleted visit is not found; restoring a live one changes nothing.
  if (Boolean(row.deleted_at) === deleted) {
    if (deleted) throw notFound();
    return get(ctx, actor, id);
  }
  const change = {
    action: deleted ? 'visit.delete' : 'visit.restore',
    entityType: 'visit',
    domains: ['residents' as const, 'visits' as const],
    stampUpdatedAt: true,
  };
  if (deleted) await softDelete(ctx, actor, 'visits', id, change);
  else await restore(ctx, actor, 'visits', id, change);
  return get(ctx, actor, id);
}

/** Adds a photo to a visit (type by content, EXIF stripped). */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  requireCapability(actor, 'residents.write');
  const row = await repo.getVisit(ctx.db, actor, id);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await storePhoto(ctx, trx, row.tenant_id, 'visit', id, file);
    await writeAudit(ctx, trx, actor, {
      action: 'visit.photo_add',
      entityType: 'visit',
      entityId: id,
      detail: `photo ${p.id} sm3 ${p.hash.slice(0, 16)}`,
    });
    return { id: p.id, mime: p.mime, bytes: p.bytes, url: `/api/visits/${id}/photos/${p.id}` };
  });
}

/** A visit photo's bytes, for anyone who may read the visit. */
export async function photo(ctx: Ctx, actor: Actor, id: number, photoId: number) {
  requireCapability(actor, 'residents.read');
  await repo.getVisit(ctx.db, actor, id, 'any');
  return readPhoto(ctx, 'visit', id, photoId);
}
