/** Queries on the photos of a meeting (one the caller already holds in scope). */
import { countOf, type Q } from '../../../platform/data/scoped.js';

/** How many live photos a meeting has. */
export async function livePhotoCount(db: Q, meetingId: number): Promise<number> {
  return countOf(db.selectFrom('meeting_photos').where('meeting_id', '=', meetingId).where('deleted_at', 'is', null));
}

/** Inserts a photo of a meeting; returns its id. */
export async function insertPhoto(
  db: Q,
  p: { meetingId: number; hash: string; mime: string; bytes: number; now: string },
): Promise<number> {
  const { id } = await db
    .insertInto('meeting_photos')
    .values({
      meeting_id: p.meetingId,
      file_hash: p.hash,
      mime: p.mime,
      bytes: p.bytes,
      created_at: p.now,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A live photo of a meeting. */
export async function livePhoto(db: Q, meetingId: number, photoId: number) {
  return db
    .selectFrom('meeting_photos')
    .selectAll()
    .where('id', '=', photoId)
    .where('meeting_id', '=', meetingId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Soft-deletes a photo. */
export async function removePhoto(db: Q, photoId: number, nowIso: string): Promise<void> {
  await db.updateTable('meeting_photos').set({ deleted_at: nowIso }).where('id', '=', photoId).execute();
}
