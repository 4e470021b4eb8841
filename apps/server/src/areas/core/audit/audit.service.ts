/** The auditor's view of the audit trail: search, one record, and the chain check. */
import type { AuditRecordT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { verifyAudit } from '../../../platform/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { likeContains } from '../../../db/dialect.js';

function present(r: Record<string, any>): AuditRecordT {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    role: r.role,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changes: r.changes ? JSON.parse(r.changes) : null,
    success: Boolean(r.success),
    detail: r.detail,
  };
}

/** Audit records, newest first, filtered by time, actor, action, entity and outcome. */
export async function list(
  ctx: Ctx,
  actor: Actor,
  f: {
    from?: string;
    to?: string;
    actor?: string;
    action?: string;
    entityType?: string;
    entityId?: string;
    success?: boolean;
    page?: number;
    pageSize?: number;
  },
) {
  let q = ctx.db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('tenant_id', '=', actor.tenantId!), eb('tenant_id', 'is', null)]));
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
  if (f.actor) q = q.where(likeContains('actor_name', f.actor));
  if (f.action) q = q.where(likeContains('action', f.action));
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.success !== undefined) q = q.where('success', '=', f.success ? 1 : 0);
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pageSize = f.pageSize ?? 20;
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset(((f.page ?? 1) - 1) * pageSize)
    .execute();
  return { items: rows.map(present), total };
}

/** One audit record. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<AuditRecordT> {
  const r = await ctx.db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || (r.tenant_id != null && r.tenant_id !== actor.tenantId)) throw notFound();
  return present(r);
}

/** Checks the whole chain. */
export async function verify(ctx: Ctx, actor: Actor) {
  return verifyAudit(ctx);
}
