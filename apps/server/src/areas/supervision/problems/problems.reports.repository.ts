/**
 * The queries of the problems' figure, notices, daily job and demo: counts over a subtree, the organizations
 * around a problem, the staff a reminder reaches. Kept apart from the records' own queries.
 */
import { liveInSubtree, type Q } from '../../../platform/data/scoped.js';

/** States in which the due date counts. */
const OPEN = ['found', 'assigned', 'rectifying'];

/** The columns the figure counts, of the live problems of a subtree found on or before `to`. */
export function figureRows(db: Q, tenantId: number, range: [string, string], to: string) {
  return liveInSubtree(db, 'problems', tenantId, range, 'p')
    .select(['p.org_path', 'p.category', 'p.status', 'p.found_on', 'p.closed_on', 'p.due_on'])
    .select(['p.reopened', 'p.followed_up_on'])
    .where('p.found_on', '<=', to)
    .execute();
}

/** The live organizations right below one (the figure's rows). */
export function childOrgs(db: Q, tenantId: number, parentId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('org_path')
    .execute();
}

/** The name of a user's organization (who issued a notice). */
export async function orgNameOfUser(db: Q, userId: number): Promise<string | null> {
  const r = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select('o.name')
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return r?.name ?? null;
}

/** The nearest committee above an organization's path (who issues a notice when the issuer is not known). */
export async function committeeAbove(db: Q, tenantId: number, path: string): Promise<string | null> {
  const ids = path.split('/').filter(Boolean).map(Number).slice(0, -1).reverse();
  if (!ids.length) return null;
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'type'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  for (const id of ids) {
    const o = rows.find((r) => r.id === id && r.type === 'committee');
    if (o) return o.name;
  }
  return null;
}

/** Every county's id (the daily job runs per county). */
export async function tenants(db: Q): Promise<number[]> {
  const rows = await db
    .selectFrom('orgs')
    .select('tenant_id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** Live problems of a county still to be fixed whose due date falls on or before `by`. */
export function dueBy(db: Q, tenantId: number, by: string) {
  return db
    .selectFrom('problems as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.title', 'p.due_on', 'p.notice_no', 'o.name as org_name', 'o.parent_id'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.deleted_at', 'is', null)
    .where('p.status', 'in', OPEN)
    .where('p.due_on', 'is not', null)
    .where('p.due_on', '<=', by)
    .orderBy('p.id')
    .execute();
}

/** Active staff accounts of some organizations (who a reminder or an escalation reaches). */
export function staffOf(db: Q, tenantId: number, orgIds: number[]) {
  if (!orgIds.length) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('tenant_id', '=', tenantId)
    .where('role', 'in', ['branch_secretary', 'township_admin', 'county_admin'])
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .where('org_id', 'in', orgIds)
    .execute();
}

/** Marks when problems were last reminded or escalated. */
export async function markSent(db: Q, ids: number[], column: 'reminded_on' | 'escalated_on', day: string) {
  if (!ids.length) return;
  await db
    .updateTable('problems')
    .set({ [column]: day })
    .where('id', 'in', ids)
    .execute();
}

/** The demo's organizations: the county's branches with their secretary's name and the committee above. */
export function demoBranches(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs as o')
    .innerJoin('orgs as up', 'up.id', 'o.parent_id')
    .leftJoin('members as m', 'm.id', 'o.secretary_member_id')
    .select(['o.id', 'o.name', 'o.org_path', 'o.tenant_id', 'up.name as parent_name', 'm.name as secretary'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.type', '=', 'branch')
    .where('o.deleted_at', 'is', null)
    .orderBy('o.id')
    .execute();
}
