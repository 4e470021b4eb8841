/** Queries on notifications: always those of one user. */
import type { NotificationsTable } from '../../../db/schema/index.js';
import { countOf, type Q } from '../../../platform/data/scoped.js';

export type { Q };

/** A notification row to insert. */
export type NotificationRow = Omit<NotificationsTable, 'id' | 'read_at' | 'sent_at'>;

/** Inserts a notification unless its dedupe key exists; returns whether it was new. */
export async function insertOnce(db: Q, n: NotificationRow): Promise<boolean> {
  const res = await db
    .insertInto('notifications')
    .values({ ...n, read_at: null, sent_at: null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A user's notifications, newest first, with the total and the unread count. */
export async function listFor(db: Q, userId: number, q: { unread?: boolean; page?: number; pageSize?: number }) {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  const unread = await countOf(base.where('read_at', 'is', null));
  if (q.unread) base = base.where('read_at', 'is', null);
  const total = q.unread ? unread : await countOf(base);
  const pageSize = q.pageSize ?? 20;
  const rows = await base
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset(((q.page ?? 1) - 1) * pageSize)
    .execute();
  return { rows, total, unread };
}

/** Marks a user's unread notifications read (one, or all); returns how many changed. */
export async function markRead(db: Q, userId: number, at: string, id?: number): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Whether a notification is the user's. */
export async function exists(db: Q, userId: number, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}
