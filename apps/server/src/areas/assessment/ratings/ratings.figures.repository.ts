/**
 * The queries of the ratings figures, targets, and the demo's look-ups: over a tenant's subtree the caller has
 * already resolved (a figure's root), or a county as a whole (the demo).
 */
import type { Q, TargetRow } from './ratings.repository.js';
import { RATED_TYPES } from './ratings.repository.js';
import type { Insertable } from 'kysely';
import type { RatingTargetsTable } from '../../../db/schema/ratings.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, namesOf as orgNames, orgOfTenant } from '../../core/orgs/orgs.repository.js';

// ---------------------------------------------------------------------------------------------------------------
// Targets

/** The live targets of a county (by family). */
export async function targetsOf(db: Q, tenantId: number): Promise<TargetRow[]> {
  return db
    .selectFrom('rating_targets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('family')
    .execute();
}

/** Inserts a target; answers its id. */
export async function insertTarget(db: Q, row: Omit<Insertable<RatingTargetsTable>, 'id'>): Promise<number> {
  return (await db.insertInto('rating_targets').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a target. */
export async function updateTarget(db: Q, id: number, set: Partial<TargetRow>): Promise<void> {
  await db.updateTable('rating_targets').set(set).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

/** The live org results of a subtree and year that count (scored, published, final), for the summary. */
export async function summaryRows(
  db: Q,
  tenantId: number,
  [lo, hi]: [string, string],
  year: number | number[],
  subject: string,
  family?: string,
) {
  let q = db
    .selectFrom('ratings as r')
    .innerJoin('rating_schemes as s', 's.id', 'r.scheme_id')
    .select(['r.org_path', 'r.year', 'r.status', 'r.stars', 'r.grade', 'r.outcome'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.org_path', '>=', lo)
    .where('r.org_path', '<', hi)
    .where('r.deleted_at', 'is', null)
    .where('r.subject', '=', subject)
    .where('r.status', 'in', ['scored', 'published', 'final']);
  q = Array.isArray(year) ? q.where('r.year', 'in', year) : q.where('r.year', '=', year);
  if (family) q = q.where('s.family', '=', family);
  return q.execute();
}

/** A county's root organization. */
export async function countyRoot(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'org_path', 'tenant_id'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

/** The demo branch's organization of a county (the `demo-branch` account's). */
export async function demoBranchOrg(db: Q, tenantId: number): Promise<number | null> {
  const r = await db
    .selectFrom('users')
    .select('org_id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'demo-branch')
    .executeTakeFirst();
  return r?.org_id ?? null;
}

/** Village secretaries of a county (members named secretary of a rural branch), for the demo's 5+1 assessments. */
export async function villageSecretaries(db: Q, tenantId: number, limit: number) {
  return db
    .selectFrom('orgs as o')
    .innerJoin('members as m', 'm.id', 'o.secretary_member_id')
    .select(['o.id', 'm.id as member_id', 'm.org_id', 'm.org_path'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.field', '=', 'rural')
    .where('o.type', 'in', [...RATED_TYPES])
    .where('o.deleted_at', 'is', null)
    .where('m.deleted_at', 'is', null)
    .orderBy('o.id')
    .limit(limit)
    .execute();
}
