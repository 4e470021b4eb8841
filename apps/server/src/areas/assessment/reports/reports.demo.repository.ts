/**
 * The queries of the reports demo only: the county's townships (each organizes its villages' round), the demo
 * accounts (the demo member sits on a panel, the demo branch's report stays a draft) and the members a panel is
 * drawn from. The demo writes through `reports.repository.ts` and `reports.panel.repository.ts`.
 */
import type { Q } from '../../../platform/data/scoped.js';

/** The live township committees of a tenant, by id. */
export async function townships(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path', 'depth'])
    .where('tenant_id', '=', tenantId)
    .where('depth', '=', 1)
    .where('type', '=', 'committee')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** A demo account of a tenant by its user name: its member and organization. */
export async function demoUser(db: Q, tenantId: number, username: string) {
  return db
    .selectFrom('users')
    .select(['member_id', 'org_id'])
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Up to `limit` live members of a subtree, by id (a panel is drawn from them). */
export async function membersUnder(db: Q, tenantId: number, orgPath: string, limit: number) {
  return db
    .selectFrom('members')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', orgPath)
    .where('org_path', '<', `${orgPath}\uffff`)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A member by id with its path. */
export async function memberById(db: Q, id: number) {
  return db.selectFrom('members').select(['id', 'name', 'org_path']).where('id', '=', id).executeTakeFirst();
}
