/**
 * The board's own queries: the organization a board is of (in any county, as the public names it), the branches of
 * a subtree, the versions the cached board depends on, and the micro-wishes of a subtree and year (what the public
 * wall of wishes already shows: kind, title, place and state — never the resident's name or phone).
 */
import { subtreeRange } from '../../../db/dialect.js';
import type { Q } from '../../../platform/data/scoped.js';
import type { Domain } from '../../../platform/data/versions.js';
import { placeNameOf } from '../../residents/common/places.repository.js';

/** A live organization by id, in whichever county it is (the board's root). */
export async function liveOrg(db: Q, id: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'tenant_id', 'name', 'org_path', 'depth'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * A live organization by id with the versions of `domains` in its county, in one read (the board's cache key costs a
 * single query per request); the versions as `versionsOf` writes them.
 */
export async function liveOrgWithVersions(db: Q, id: number, domains: readonly Domain[]) {
  const row = (await db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.tenant_id', 'o.name', 'o.org_path', 'o.depth'])
    .select((eb) =>
      domains.map((d, i) =>
        eb
          .selectFrom('data_versions as v')
          .select('v.version')
          .whereRef('v.tenant_id', '=', 'o.tenant_id')
          .where('v.domain', '=', d)
          .as(`v${i}`),
      ),
    )
    .where('o.id', '=', id)
    .where('o.deleted_at', 'is', null)
    .executeTakeFirst()) as
    | ({ id: number; tenant_id: number; name: string; org_path: string; depth: number } & Record<string, unknown>)
    | undefined;
  if (!row) return undefined;
  const versions = domains.map((d, i) => `${d}:${Number(row[`v${i}`] ?? 0)}`).join(',');
  const { id: orgId, tenant_id, name, org_path, depth } = row;
  return { org: { id: orgId, tenant_id, name, org_path, depth }, versions };
}

/** The root organization of a county (tenant). */
export async function countyRoot(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'tenant_id', 'name', 'org_path', 'depth'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
}

/** The counties that have an organization (the board without a county names the only one). */
export async function tenants(db: Q): Promise<number[]> {
  const rows = await db
    .selectFrom('orgs')
    .select('tenant_id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .groupBy('tenant_id')
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** The live branches (and general branches) of a subtree, in the tree's order, at most `limit`. */
export async function branchesOf(db: Q, tenantId: number, orgPath: string, limit: number) {
  const [lo, hi] = subtreeRange(orgPath);
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('type', 'in', ['branch', 'general_branch'])
    .where('deleted_at', 'is', null)
    .orderBy('org_path')
    .limit(limit)
    .execute();
}

/** The versions of the domains the board is computed from, in one read. */
export async function versionsOf(db: Q, tenantId: number, domains: readonly Domain[]): Promise<string> {
  const rows = await db
    .selectFrom('data_versions')
    .select(['domain', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('domain', 'in', [...domains])
    .execute();
  const by = new Map(rows.map((r) => [r.domain, r.version]));
  return domains.map((d) => `${d}:${by.get(d) ?? 0}`).join(',');
}

/** The instants bounding a year in China time (UTC+8), as stored ISO texts compare. */
function yearSpan(year: number): [string, string] {
  return [`${year - 1}-12-31T16:00:00.000Z`, `${year}-12-31T16:00:00.000Z`];
}

/** Micro-wishes of a subtree posted in a year: the count of each state. */
export async function wishCounts(db: Q, tenantId: number, orgPath: string, year: number) {
  const [lo, hi] = subtreeRange(orgPath);
  const [from, to] = yearSpan(year);
  const rows = await db
    .selectFrom('wishes')
    .select(['status', (e) => e.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

/** The newest public micro-wishes of a subtree posted in a year (not withdrawn), with the place's name. */
export async function recentWishes(db: Q, tenantId: number, orgPath: string, year: number, limit: number) {
  const [lo, hi] = subtreeRange(orgPath);
  const [from, to] = yearSpan(year);
  return db
    .selectFrom('wishes as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .select(['w.kind', 'w.title', 'w.status', 'w.resident_name', placeNameOf('o').as('org_name')])
    .where('w.tenant_id', '=', tenantId)
    .where('w.org_path', '>=', lo)
    .where('w.org_path', '<', hi)
    .where('w.deleted_at', 'is', null)
    .where('w.status', '!=', 'withdrawn')
    .where('w.created_at', '>=', from)
    .where('w.created_at', '<', to)
    .orderBy('w.created_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit)
    .execute();
}
