/** How the residents modules record a soft delete or restore (one place for the audit, versions and timeline). */
import type { Actor } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import type { SoftChange } from '../../../platform/data/scoped.js';
import { addTimeline } from '../../../platform/data/timeline.js';
import type { Domain } from '../../../platform/data/versions.js';
import { asUser, authorOf, type FlowRecord } from '../../../platform/workflow.js';

/** A residents record's change: stamps `updated_at`; restoring a live row is 409 `residents.not_deleted`. */
export function residentsChange(
  entityType: string,
  domains: Domain[],
  action: string,
  before?: SoftChange['before'],
): SoftChange {
  return { action, entityType, domains, stampUpdatedAt: true, notDeleted: 'residents.not_deleted', before };
}

/**
 * A workflow record's change (errand, wish, request): audit `<entity>.delete` / `<entity>.restore`, its versions,
 * and a `deleted` / `restored` timeline entry written in the same transaction.
 */
export function recycledChange(
  ctx: Ctx,
  actor: Actor,
  entityType: string,
  row: Pick<FlowRecord, 'id' | 'tenant_id' | 'org_path'>,
  deleting: boolean,
  domains: Domain[] = ['residents'],
): SoftChange {
  const action = deleting ? 'deleted' : 'restored';
  return {
    action: `${entityType}.${deleting ? 'delete' : 'restore'}`,
    entityType,
    domains,
    stampUpdatedAt: true,
    before: (trx) =>
      addTimeline(trx, authorOf(asUser(actor)), {
        tenantId: row.tenant_id,
        entityType,
        entityId: row.id,
        orgPath: row.org_path,
        action,
        at: ctx.clock().toISOString(),
      }),
  };
}
