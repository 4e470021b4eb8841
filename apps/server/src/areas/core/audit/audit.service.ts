/** The auditor's view of the audit trail: search, one record, and the chain check. */
import type { AuditRecordT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { verifyAudit } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import * as repo from './audit.repository.js';

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
export async function list(ctx: Ctx, actor: Actor, f: repo.AuditFilter) {
  const { rows, total } = await repo.search(ctx.db, actor.tenantId!, f);
  return { items: rows.map(present), total };
}

/** One audit record. */
export async function get(ctx: Ctx, actor: Actor, id: number): Promise<AuditRecordT> {
  const r = await repo.byId(ctx.db, id);
  if (!r || (r.tenant_id != null && r.tenant_id !== actor.tenantId)) throw notFound();
  return present(r);
}

/** Checks the whole chain. */
export async function verify(ctx: Ctx, actor: Actor) {
  return verifyAudit(ctx);
}
