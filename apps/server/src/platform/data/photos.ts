/**
 * Photos of any entity (a visit, a request, a wish …): stored content-addressed by `files.ts` (type by
 * content, EXIF/GPS stripped) and listed in `residents_photos` under the entity's type and id. The caller
 * has already checked access to the entity; it audits and builds the photo's URL.
 */
import type { Ctx } from '../context.js';
import type { Q } from './scoped.js';
import { DomainError, notFound } from '../errors.js';
import { readStored, storeImage } from '../files.js';

/** Largest photo accepted, in bytes. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** Live photos one entity may have. */
export const PHOTOS_PER_ENTITY = 9;

/** Stores a photo of an entity and returns its id, type, size and hash (`files.too_many` past the limit). */
export async function storePhoto(
  ctx: Ctx,
  trx: Q,
  tenantId: number,
  entity: string,
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
  if (n >= PHOTOS_PER_ENTITY) throw new DomainError('files.too_many');
  const stored = await storeImage(ctx.config.dataDir, file, PHOTO_MAX_BYTES);
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
export async function listPhotos(db: Q, entity: string, entityId: number) {
  return db
    .selectFrom('residents_photos')
    .select(['id', 'mime', 'bytes', 'created_at'])
    .where('entity_type', '=', entity)
    .where('entity_id', '=', entityId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The number of live photos of each of some entities of one type, by entity id. */
export async function countPhotos(db: Q, entity: string, entityIds: number[]): Promise<Map<number, number>> {
  if (!entityIds.length) return new Map();
  const rows = await db
    .selectFrom('residents_photos')
    .select(['entity_id', (e) => e.fn.countAll<number>().as('n')])
    .where('entity_type', '=', entity)
    .where('entity_id', 'in', entityIds)
    .where('deleted_at', 'is', null)
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((x) => [x.entity_id, Number(x.n)]));
}

/** A photo's bytes (404 unless it is a live photo of that entity). */
export async function readPhoto(
  ctx: Ctx,
  entity: string,
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
