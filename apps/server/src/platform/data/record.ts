/**
 * The last step of every write: the data versions it changes are bumped (figures and cached totals recompute)
 * and its audit record is appended, both in the write's transaction.
 */
import type { Actor } from '../actor.js';
import type { Ctx } from '../context.js';
import { type Changes, writeAudit } from './audit.js';
import type { Q } from './scoped.js';
import { bumpVersion, type Domain } from './versions.js';

/** The audit record of one write: its action (`zone.create`), the row, and what changed. */
export interface WriteEntry {
  action: string;
  entityId: number;
  changes?: Changes | null;
  detail?: string | null;
}

/** Records a write of one entity: bumps `domains` of the row's tenant, then appends the audit record. */
export type WriteRecorder = (ctx: Ctx, trx: Q, actor: Actor, tenantId: number, e: WriteEntry) => Promise<void>;

/** How the writes of one entity are recorded: its audit entity type and the data versions they change. */
export function writeRecorder(entityType: string, domains: readonly Domain[]): WriteRecorder {
  return async (ctx, trx, actor, tenantId, e) => {
    for (const d of domains) await bumpVersion(trx, tenantId, d);
    await writeAudit(ctx, trx, actor, { action: e.action, entityType, entityId: e.entityId, ...pick(e) });
  };
}

function pick(e: WriteEntry) {
  return {
    ...(e.changes !== undefined && { changes: e.changes }),
    ...(e.detail !== undefined && { detail: e.detail }),
  };
}
