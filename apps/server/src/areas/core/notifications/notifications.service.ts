/** The notification centre: reminders addressed to a user, created at most once per dedupe key. */
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import * as repo from './notifications.repository.js';

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
export async function notify(ctx: Ctx, db: repo.Q, n: NewNotification): Promise<boolean> {
  return repo.insertOnce(db, {
    user_id: n.userId,
    tenant_id: n.tenantId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link ?? null,
    dedupe_key: n.dedupeKey,
    created_at: ctx.clock().toISOString(),
  });
}

/** The caller's notifications, newest first, with the unread count. */
export async function list(ctx: Ctx, actor: Actor, q: { unread?: boolean; page?: number; pageSize?: number }) {
  requireCapability(actor, 'self.read');
  const { rows, total, unread } = await repo.listFor(ctx.db, actor.userId, q);
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
  const changed = await repo.markRead(ctx.db, actor.userId, ctx.clock().toISOString(), id);
  if (!changed && !(await repo.exists(ctx.db, actor.userId, id))) throw notFound();
}

/** Marks all of the caller's notifications read. */
export async function markAllRead(ctx: Ctx, actor: Actor): Promise<number> {
  requireCapability(actor, 'self.read');
  return repo.markRead(ctx.db, actor.userId, ctx.clock().toISOString());
}
