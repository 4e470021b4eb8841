/** The objections to published results (异议): read with their result, written by the moves. */
import type { Insertable } from 'kysely';
import type { RatingObjectionsTable } from '../../../db/schema/ratings.js';
import type { ObjectionRow, Q } from './ratings.repository.js';

// ---------------------------------------------------------------------------------------------------------------
// Objections

/** The live objections of results, oldest first. */
export async function objectionsOf(db: Q, ratingIds: number[]): Promise<ObjectionRow[]> {
  if (!ratingIds.length) return [];
  return db
    .selectFrom('rating_objections')
    .selectAll()
    .where('rating_id', 'in', ratingIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts an objection; answers its id. */
export async function insertObjection(db: Q, row: Omit<Insertable<RatingObjectionsTable>, 'id'>): Promise<number> {
  return (await db.insertInto('rating_objections').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Answers an objection while it is open; false when it was answered meanwhile. */
export async function answerObjection(db: Q, id: number, set: Partial<ObjectionRow>): Promise<boolean> {
  const r = await db
    .updateTable('rating_objections')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
