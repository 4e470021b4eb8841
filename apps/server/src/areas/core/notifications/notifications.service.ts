/** The notification centre: reminders addressed to a user, created at most once per dedupe key. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';

export interface NewNotification {
  userId: number;
  tenantId: number | null;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Same key, same notification: a job that runs twice creates nothing new. */
  dedupeKey: string;
}

/** Inserts a notification unless its dedupe key exists; returns whether it was new. */
export async function notify(ctx: Ctx, db: Kysely<DB> | Transaction<DB>, n: NewNotification): Promise<boolean> {
  const res = await db
    .insertInto('notifications')
    .values({
      user_id: n.userId,
      tenant_id: n.tenantId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      dedupe_key: n.dedupeKey,
      created_at: ctx.clock().toISOString(),
      read_at: null,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The caller's notifications, newest first, with the unread count. */
export async function list(ctx: Ctx, actor: Actor, q: { unread?: boolean; page?: number; pageSize?: number }) {
  requireCapability(actor, 'self.read');
  let base = ctx.db.selectFrom('notifications').where('user_id', '=', actor.userId);
  const unread = Number(
    (
      await base
        .where('read_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (q.unread) base = base.where('read_at', 'is', null);
  const total = q.unread
    ? unread
    : Number((await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pageSize = q.pageSize ?? 20;
  const rows = await base
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset(((q.page ?? 1) - 1) * pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    total,
    unread,
  };
}

/** Marks one of the caller's notifications read. */
export async function markRead(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  requireCapability(actor, 'self.read');
  const res = await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (!Number(res.numUpdatedRows)) {
    const exists = await ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!exists) throw notFound();
  }
}

/** Marks all of the caller's notifications read. */
export async function markAllRead(ctx: Ctx, actor: Actor): Promise<number> {
  requireCapability(actor, 'self.read');
  const res = await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock().toISOString() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
