/** The photos of a meeting: added (checked, stripped, stored by content hash), read and removed. */
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { readStored, storeImage } from '../../../platform/files.js';
import * as photosRepo from './meetings.photos.repository.js';
import * as repo from './meetings.repository.js';
import { PHOTO_MAX_BYTES, PHOTOS_PER_MEETING } from './meetings.rules.js';

/** Adds a photo: type checked by content, size-limited, metadata (EXIF, GPS) stripped, stored by content hash. */
export async function addPhoto(ctx: Ctx, actor: Actor, id: number, file: Buffer) {
  requireCapability(actor, 'meetings.write');
  await repo.getMeeting(ctx.db, actor, id);
  const n = await photosRepo.livePhotoCount(ctx.db, id);
  if (n >= PHOTOS_PER_MEETING) throw new DomainError('files.too_many');
  const stored = await storeImage(ctx.config.dataDir, file, PHOTO_MAX_BYTES);
  return ctx.db.transaction().execute(async (trx) => {
    const photoId = await photosRepo.insertPhoto(trx, {
      meetingId: id,
      hash: stored.hash,
      mime: stored.mime,
      bytes: stored.bytes,
      now: ctx.clock().toISOString(),
    });
    // The list shows each meeting's photo count, cached under this version.
    await bumpVersion(trx, actor.tenantId!, 'meetings');
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.photo_add',
      entityType: 'meeting',
      entityId: id,
      detail: `photo ${photoId} sm3 ${stored.hash.slice(0, 16)}`,
    });
    return { id: photoId, mime: stored.mime, bytes: stored.bytes, url: `/api/meetings/${id}/photos/${photoId}` };
  });
}

/** A photo's bytes, for anyone who may read the meeting. */
export async function photo(
  ctx: Ctx,
  actor: Actor,
  id: number,
  photoId: number,
): Promise<{ mime: string; body: Buffer }> {
  requireCapability(actor, 'meetings.read');
  await repo.getMeeting(ctx.db, actor, id);
  const p = await photosRepo.livePhoto(ctx.db, id, photoId);
  if (!p) throw notFound();
  return { mime: p.mime, body: await readStored(ctx.config.dataDir, p.file_hash) };
}

/** Removes a photo from a meeting (soft). */
export async function removePhoto(ctx: Ctx, actor: Actor, id: number, photoId: number): Promise<void> {
  requireCapability(actor, 'meetings.write');
  await repo.getMeeting(ctx.db, actor, id);
  const p = await photosRepo.livePhoto(ctx.db, id, photoId);
  if (!p) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await photosRepo.removePhoto(trx, photoId, ctx.clock().toISOString());
    await bumpVersion(trx, actor.tenantId!, 'meetings');
    await writeAudit(ctx, trx, actor, {
      action: 'meeting.photo_remove',
      entityType: 'meeting',
      entityId: id,
      detail: `photo ${photoId}`,
    });
  });
}
