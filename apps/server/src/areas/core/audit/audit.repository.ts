/** Queries on the audit trail: the tenant's records and those of no tenant (failed sign-ins of unknown names). */
import { likeContains } from '../../../db/dialect.js';
import { countOf, type Q } from '../../../platform/data/scoped.js';

/** Filters of the audit search. */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  success?: boolean;
  page?: number;
  pageSize?: number;
}

/** Records of the tenant (and of no tenant), newest first, and their total. */
export async function search(db: Q, tenantId: number, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('tenant_id', '=', tenantId), eb('tenant_id', 'is', null)]));
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
  if (f.actor) q = q.where(likeContains('actor_name', f.actor));
  if (f.action) q = q.where(likeContains('action', f.action));
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.success !== undefined) q = q.where('success', '=', f.success ? 1 : 0);
  const total = await countOf(q);
  const pageSize = f.pageSize ?? 20;
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset(((f.page ?? 1) - 1) * pageSize)
    .execute();
  return { rows, total };
}

/** One record by id (the caller checks its tenant). */
export async function byId(db: Q, id: number) {
  return db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
}
