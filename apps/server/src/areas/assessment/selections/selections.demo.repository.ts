/**
 * The queries of the selections demo only: the village secretaries by township (the nominees of 十佳村干部) and
 * the active accounts that vote. The demo writes through `selections.repository.ts`.
 */
import type { Q } from '../../../platform/data/scoped.js';

/** The live village secretaries of a tenant with their township, by village. */
export async function villageSecretaries(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs as o')
    .innerJoin('members as m', 'm.id', 'o.secretary_member_id')
    .innerJoin('orgs as t', 't.id', 'o.parent_id')
    .select(['m.id', 'm.name', 'm.org_id', 't.id as town_id', 't.org_path as town_path'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.depth', '=', 2)
    .where('o.deleted_at', 'is', null)
    .where('m.deleted_at', 'is', null)
    .orderBy('o.id')
    .execute();
}

/** The live active accounts of a tenant that may vote (admins, secretaries and members). */
export async function voters(db: Q, tenantId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'org_id', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where('role', 'in', ['county_admin', 'township_admin', 'branch_secretary', 'member'])
    .where('deleted_at', 'is', null)
    .execute();
}
