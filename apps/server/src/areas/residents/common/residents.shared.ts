/**
 * The timeline of requests, wishes and errands (their events). The other pieces that lived here moved:
 * guarded personal numbers and `scrub` to platform/personal.ts, photos to platform/photos.ts, places to
 * ./places.ts, the request month to requests/requests.month.ts; they are re-exported below until every
 * caller imports them from their place.
 */
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import type { Q } from '../../../platform/data/scoped.js';
import { listPhotos, PHOTO_MAX_BYTES, PHOTOS_PER_ENTITY, readPhoto, storePhoto } from '../../../platform/photos.js';

export { guardIdNumber, guardPhone, scrub } from '../../../platform/personal.js';
export { isPlaceOrg, PLACE_FIELDS, PLACE_MIN_DEPTH, PLACE_TYPES } from './places.js';
export { bumpRequestMonth, requestMonth } from '../requests/requests.month.js';

/** Entities with a timeline and photos. */
export type ResidentsEntity = 'request' | 'wish' | 'errand' | 'visit';

/** Appends an entry to an entity's timeline (inside the writing transaction). */
export async function addEvent(
  trx: Q,
  ctx: Ctx,
  actor: Actor | null,
  e: {
    tenantId: number;
    entity: ResidentsEntity;
    entityId: number;
    kind: string;
    fromOrgId?: number | null;
    toOrgId?: number | null;
    note?: string | null;
    at?: string;
  },
): Promise<void> {
  await trx
    .insertInto('residents_events')
    .values({
      tenant_id: e.tenantId,
      entity_type: e.entity,
      entity_id: e.entityId,
      kind: e.kind,
      at: e.at ?? ctx.clock().toISOString(),
      actor_id: actor?.userId || null,
      actor_name: actor?.displayName ?? null,
      from_org_id: e.fromOrgId ?? null,
      to_org_id: e.toOrgId ?? null,
      note: e.note ?? null,
    })
    .execute();
}

/** An entity's timeline, oldest first. */
export async function listEvents(db: Q, entity: ResidentsEntity, entityId: number) {
  const rows = await db
    .selectFrom('residents_events as e')
    .leftJoin('orgs as fo', 'fo.id', 'e.from_org_id')
    .leftJoin('orgs as tg', 'tg.id', 'e.to_org_id')
    .select([
      'e.id',
      'e.kind',
      'e.at',
      'e.actor_name',
      'e.from_org_id',
      'e.to_org_id',
      'e.note',
      'fo.name as from_org_name',
      'tg.name as to_org_name',
    ])
    .where('e.entity_type', '=', entity)
    .where('e.entity_id', '=', entityId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    actorName: r.actor_name,
    fromOrg: r.from_org_id ? { id: r.from_org_id, name: r.from_org_name ?? '' } : null,
    toOrg: r.to_org_id ? { id: r.to_org_id, name: r.to_org_name ?? '' } : null,
    note: r.note,
  }));
}

/** Largest photo of a residents' entity, in bytes (platform/photos.ts). */
export const RESIDENTS_PHOTO_MAX_BYTES = PHOTO_MAX_BYTES;
/** Live photos one residents' entity may have (platform/photos.ts). */
export const RESIDENTS_PHOTOS_PER_ENTITY = PHOTOS_PER_ENTITY;

/** Stores a photo of a residents' entity (platform/photos.ts `storePhoto`). */
export function storeResidentsPhoto(
  ctx: Ctx,
  trx: Q,
  tenantId: number,
  entity: ResidentsEntity,
  entityId: number,
  file: Buffer,
) {
  return storePhoto(ctx, trx, tenantId, entity, entityId, file);
}

/** The live photos of a residents' entity (platform/photos.ts `listPhotos`). */
export function listResidentsPhotos(db: Q, entity: ResidentsEntity, entityId: number) {
  return listPhotos(db, entity, entityId);
}

/** A photo's bytes of a residents' entity (platform/photos.ts `readPhoto`). */
export function readResidentsPhoto(ctx: Ctx, entity: ResidentsEntity, entityId: number, photoId: number) {
  return readPhoto(ctx, entity, entityId, photoId);
}
