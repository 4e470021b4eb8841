/**
 * Pieces every service module uses: guarded personal numbers (encrypted, hashed, masked) and the photos of
 * requests, wishes and errands (their timeline is the platform's: platform/data/timeline.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import {
  isValidMobile,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
} from '../../../platform/idcard.js';
import { maskPersonalText } from '../../../platform/personalText.js';
import { readStored, storeImage } from '../../../platform/files.js';
import { bumpVersion } from '../../../platform/versions.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Entities with a timeline and photos. */
export type ResidentsEntity = 'request' | 'wish' | 'errand' | 'visit';

/** The stored columns of a phone number: `{prefix}_enc`, `_hash`, `_masked` (all null for none). */
export function guardPhone(ctx: Ctx, raw: string | null | undefined, prefix = 'phone'): Record<string, string | null> {
  if (raw == null || raw.trim() === '')
    return { [`${prefix}_enc`]: null, [`${prefix}_hash`]: null, [`${prefix}_masked`]: null };
  const phone = normalizePhone(raw);
  if (!isValidMobile(phone)) throw new DomainError('residents.invalid_phone');
  return {
    [`${prefix}_enc`]: ctx.vault.encrypt(phone),
    [`${prefix}_hash`]: ctx.vault.lookupHash(phone),
    [`${prefix}_masked`]: maskPhone(phone),
  };
}

/** The stored columns of a resident's ID number, checked by GB 11643 (all null for none). */
export function guardIdNumber(
  ctx: Ctx,
  raw: string | null | undefined,
): {
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  gender: string | null;
  birth_date: string | null;
} {
  if (raw == null || raw.trim() === '')
    return { id_number_enc: null, id_number_hash: null, id_number_masked: null, gender: null, birth_date: null };
  const id = normalizeIdNumber(raw);
  const info = parseIdNumber(id, ctx.clock());
  if (!info) throw new DomainError('residents.invalid_id_number');
  return {
    id_number_enc: ctx.vault.encrypt(id),
    id_number_hash: ctx.vault.lookupHash(id),
    id_number_masked: maskIdNumber(id),
    gender: info.gender,
    birth_date: info.birthDate,
  };
}

export const RESIDENTS_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const RESIDENTS_PHOTOS_PER_ENTITY = 9;

/**
 * Stores a photo for an entity the caller has already checked access to (type by content, EXIF/GPS
 * stripped, content-addressed). Returns the photo's id; the caller audits and builds its URL.
 */
export async function storeResidentsPhoto(
  ctx: Ctx,
  trx: Q,
  tenantId: number,
  entity: ResidentsEntity,
  entityId: number,
  file: Buffer,
): Promise<{ id: number; mime: string; bytes: number; hash: string }> {
  const n = Number(
    (
      await trx
        .selectFrom('residents_photos')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('entity_type', '=', entity)
        .where('entity_id', '=', entityId)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (n >= RESIDENTS_PHOTOS_PER_ENTITY) throw new DomainError('files.too_many');
  const stored = await storeImage(ctx.config.dataDir, file, RESIDENTS_PHOTO_MAX_BYTES);
  const { id } = await trx
    .insertInto('residents_photos')
    .values({
      tenant_id: tenantId,
      entity_type: entity,
      entity_id: entityId,
      file_hash: stored.hash,
      mime: stored.mime,
      bytes: stored.bytes,
      created_at: ctx.clock().toISOString(),
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, mime: stored.mime, bytes: stored.bytes, hash: stored.hash };
}

/** The live photos of an entity (ids, types, sizes). */
export async function listResidentsPhotos(db: Q, entity: ResidentsEntity, entityId: number) {
  return db
    .selectFrom('residents_photos')
    .select(['id', 'mime', 'bytes', 'created_at'])
    .where('entity_type', '=', entity)
    .where('entity_id', '=', entityId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** A photo's bytes (the caller has checked access to the entity). */
export async function readResidentsPhoto(
  ctx: Ctx,
  entity: ResidentsEntity,
  entityId: number,
  photoId: number,
): Promise<{ mime: string; body: Buffer }> {
  const p = await ctx.db
    .selectFrom('residents_photos')
    .select(['file_hash', 'mime'])
    .where('id', '=', photoId)
    .where('entity_type', '=', entity)
    .where('entity_id', '=', entityId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!p) throw notFound();
  return { mime: p.mime, body: await readStored(ctx.config.dataDir, p.file_hash) };
}

/** The China month (YYYY-MM) of a request's acceptance: the unit under which request figures are cached. */
export function requestMonth(acceptedAt: string): string {
  return new Date(Date.parse(acceptedAt) + 8 * 3_600_000).toISOString().slice(0, 7);
}

/**
 * Marks the month of a request's acceptance as changed (inside the writing transaction, with the
 * 'residents' bump): the figures recompute that month alone, not five years of requests.
 */
export async function bumpRequestMonth(trx: Q, tenantId: number, acceptedAt: string): Promise<void> {
  await bumpVersion(trx, tenantId, `requests:${requestMonth(acceptedAt)}`);
}

/** Organization types that stand for a village or a community (村、社区党组织). */
export const PLACE_TYPES = ['branch', 'general_branch', 'joint_branch', 'committee'];
/** Fields of village and community organizations. */
export const PLACE_FIELDS = ['rural', 'community'];
/** A village sits at least two levels below the county (county → township → village); a township committee is also 'rural'. */
export const PLACE_MIN_DEPTH = 2;

/**
 * Whether an organization is a village or a community one: where households, groups, zones and wishes
 * live. One definition for every service module, so a wish never goes to a place that can hold no household.
 */
export function isPlaceOrg(
  org: { type: string; field: string | null; depth: number },
  fields: readonly string[] = PLACE_FIELDS,
): boolean {
  return (
    PLACE_TYPES.includes(org.type) && org.field != null && fields.includes(org.field) && org.depth >= PLACE_MIN_DEPTH
  );
}

/**
 * Masks personal numbers in free text (the one detector, platform/personalText.ts) and, when given, a
 * resident's own name: residents type them into what others read. Text stored since the free-text guard
 * is already masked; this also covers rows written before it.
 */
export function scrub(text: string | null | undefined, name?: string | null): string {
  let out = maskPersonalText(String(text ?? ''));
  if (name && name.trim().length >= 2) out = out.split(name.trim()).join('*'.repeat(name.trim().length));
  return out;
}
