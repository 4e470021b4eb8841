/**
 * The reads of the region dashboard: the regions, the counties under them, the township organizations' names, and
 * sums of rollup rows (a county is its root's row, depth 0). Never the raw tables of members, meetings or requests.
 */
import { sql } from 'kysely';
import type { Q } from '../../../platform/data/scoped.js';
import { subtreeRange } from '../../../db/dialect.js';
import type { CountColumn } from './rollups.repository.js';

/** Snapshot columns: read from the latest snapshot row of the period (the refresh's month). */
export const STOCK_COLUMNS = [
  'members_total',
  'members_formal',
  'members_probationary',
  'members_female',
  'members_minority',
  'members_under35',
  'members_college',
  'orgs_total',
  'orgs_committees',
  'orgs_general_branches',
  'orgs_branches',
  'households',
  'compliance_due',
  'compliance_met',
] as const satisfies readonly CountColumn[];

/** Flow columns: summed over the months of the period. */
export const FLOW_COLUMNS = [
  'members_joined',
  'held_general_meeting',
  'held_committee_meeting',
  'held_group_meeting',
  'held_party_lecture',
  'held_theme_day',
  'held_life_meeting',
  'held_member_review',
  'held_leadership_life_meeting',
  'held_heart_to_heart',
  'requests',
  'requests_resolved',
  'wishes',
  'wishes_fulfilled',
] as const satisfies readonly CountColumn[];

/** Whose rollup rows: the root rows of some counties, or some organizations of one county. */
export type Rows = { tenants: number[] } | { tenant: number; orgIds: number[] };
/** One organization's sums (`org_id` is the tenant for a county's root row). */
export type SumRow = { tenant_id: number; org_id: number } & Record<CountColumn, number>;

/** A live region by id. */
export function regionById(db: Q, id: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'kind', 'name', 'code', 'path', 'depth'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Live regions by id (the trail's names). */
export function regionsByIds(db: Q, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('regions')
    .select(['id', 'kind', 'name', 'path'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The live regions directly under a region, in their order. */
export function childRegions(db: Q, parentId: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'kind', 'name', 'path'])
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** The counties of a region's subtree (its path's range), with their root organization's name, in order. */
export function countiesUnder(db: Q, regionPath: string) {
  const [lo, hi] = subtreeRange(regionPath);
  return db
    .selectFrom('county_regions as c')
    .innerJoin('orgs as o', 'o.id', 'c.tenant_id')
    .select(['c.tenant_id', 'c.region_id', 'c.region_path', 'o.name'])
    .where('c.region_path', '>=', lo)
    .where('c.region_path', '<', hi)
    .where('o.deleted_at', 'is', null)
    .orderBy('c.sort_order')
    .orderBy('c.tenant_id')
    .execute();
}

/** A county's place among the regions (none when it is under no prefecture), and its root's name. */
export function countyById(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs as o')
    .leftJoin('county_regions as c', 'c.tenant_id', 'o.id')
    .select(['o.id as tenant_id', 'o.name', 'c.region_id', 'c.region_path'])
    .where('o.id', '=', tenantId)
    .where('o.parent_id', 'is', null)
    .where('o.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A live township-level organization (a child of a county's root). */
export function townshipById(db: Q, orgId: number) {
  return db
    .selectFrom('orgs as o')
    .innerJoin('orgs as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.tenant_id', 'o.name'])
    .where('o.id', '=', orgId)
    .where('p.parent_id', 'is', null)
    .where('o.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The live township-level organizations of a county, in their order. */
export function townshipsOf(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

function rowsOf(db: Q, rows: Rows) {
  const q = db.selectFrom('rollup_org_month as r');
  return 'tenants' in rows
    ? q.where('r.tenant_id', 'in', rows.tenants).where('r.depth', '=', 0)
    : q.where('r.tenant_id', '=', rows.tenant).where('r.org_id', 'in', rows.orgIds);
}
const isEmpty = (rows: Rows) => ('tenants' in rows ? !rows.tenants.length : !rows.orgIds.length);

/**
 * Each organization's figures of a period of months: flows summed over the months, snapshots from its latest
 * snapshot row in the period (a row holding organizations: every snapshot counts at least the organization itself).
 */
export async function sumsOf(db: Q, rows: Rows, from: string, to: string): Promise<SumRow[]> {
  if (isEmpty(rows)) return [];
  const flows = await rowsOf(db, rows)
    .where('r.month', '>=', from)
    .where('r.month', '<=', to)
    .select((e) => ['r.tenant_id', 'r.org_id', ...FLOW_COLUMNS.map((c) => e.fn.sum<number>(`r.${c}`).as(c))])
    .groupBy(['r.tenant_id', 'r.org_id'])
    .execute();
  const latest = rowsOf(db, rows)
    .where('r.month', '>=', from)
    .where('r.month', '<=', to)
    .where('r.orgs_total', '>', 0)
    .select((e) => ['r.tenant_id', 'r.org_id', e.fn.max('r.month').as('month')])
    .groupBy(['r.tenant_id', 'r.org_id'])
    .as('s');
  const stocks = await db
    .selectFrom('rollup_org_month as r')
    .innerJoin(latest, (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.org_id', '=', 'r.org_id').onRef('s.month', '=', 'r.month'),
    )
    .select(['r.tenant_id', 'r.org_id', ...STOCK_COLUMNS.map((c) => `r.${c}` as const)])
    .execute();
  const out = new Map<string, SumRow>();
  const row = (t: number, o: number) => {
    const key = `${t}|${o}`;
    let r = out.get(key);
    if (!r) {
      r = { tenant_id: t, org_id: o } as SumRow;
      for (const c of [...STOCK_COLUMNS, ...FLOW_COLUMNS]) r[c] = 0;
      out.set(key, r);
    }
    return r;
  };
  for (const f of flows) {
    const r = row(f.tenant_id, f.org_id);
    for (const c of FLOW_COLUMNS) r[c] = Number(f[c] ?? 0);
  }
  for (const s of stocks) {
    const r = row(s.tenant_id, s.org_id);
    for (const c of STOCK_COLUMNS) r[c] = Number(s[c] ?? 0);
  }
  return [...out.values()];
}

/** The unit's months of a period: meetings held, requests, requests resolved and members joined, summed in SQL. */
export async function monthsOf(db: Q, rows: Rows, from: string, to: string) {
  if (isEmpty(rows)) return [];
  const held = FLOW_COLUMNS.filter((c) => c.startsWith('held_'));
  return rowsOf(db, rows)
    .where('r.month', '>=', from)
    .where('r.month', '<=', to)
    .select((e) => [
      'r.month',
      sql<number>`sum(${sql.join(
        held.map((c) => sql.ref(`r.${c}`)),
        sql` + `,
      )})`.as('held'),
      e.fn.sum<number>('r.requests').as('requests'),
      e.fn.sum<number>('r.requests_resolved').as('resolved'),
      e.fn.sum<number>('r.members_joined').as('joined'),
    ])
    .groupBy('r.month')
    .orderBy('r.month')
    .execute();
}

/** The refresh state of some counties. */
export function statesOf(db: Q, tenants: number[]) {
  if (!tenants.length) return Promise.resolve([]);
  return db
    .selectFrom('rollup_state')
    .select(['tenant_id', 'refreshed_at'])
    .where('tenant_id', 'in', tenants)
    .execute();
}

/** A region as its writers refer to it: its id and its path (`/province/prefecture/`). */
export interface RegionPlace {
  id: number;
  path: string;
}

/**
 * Inserts a province (no parent) or a prefecture and sets its path, which holds its own id; the one writer of a
 * region for the CLI, the demo and the tests. Run it in a transaction where a half-written region matters.
 */
export async function insertRegion(
  db: Q,
  r: { kind: string; name: string; code: string; parent: RegionPlace | null; sortOrder?: number },
  now: string,
): Promise<RegionPlace> {
  const { id } = await db
    .insertInto('regions')
    .values({
      parent_id: r.parent?.id ?? null,
      kind: r.kind,
      name: r.name,
      code: r.code,
      // Unique until the id is known: the path is written just below.
      path: `pending-${r.code}`,
      depth: r.parent ? 1 : 0,
      sort_order: r.sortOrder ?? 0,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${r.parent?.path ?? '/'}${id}/`;
  await db.updateTable('regions').set({ path }).where('id', '=', id).execute();
  return { id, path };
}

/** Places a county (tenant) in a prefecture, or moves it there. */
export async function placeCounty(
  db: Q,
  tenantId: number,
  region: RegionPlace,
  now: string,
  sortOrder = 0,
): Promise<void> {
  await db
    .insertInto('county_regions')
    .values({
      tenant_id: tenantId,
      region_id: region.id,
      region_path: region.path,
      sort_order: sortOrder,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({ region_id: region.id, region_path: region.path, updated_at: now }),
    )
    .execute();
}
