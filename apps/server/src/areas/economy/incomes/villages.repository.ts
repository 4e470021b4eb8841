/**
 * The villages of the economy modules: live village-level organizations of the rural field (they carry their
 * place's name, 大岭村党总支 → 大岭村), below a path of a tenant, with their township's place name.
 */
import { sql } from 'kysely';
import { subtreeRange } from '../../../db/dialect.js';
import type { Q } from '../../../platform/data/scoped.js';
import { PLACE_MIN_DEPTH, PLACE_TYPES } from '../../core/orgs/orgs.places.js';

/** A village as the economy modules list it. */
export interface EconomyVillage {
  id: number;
  org_path: string;
  name: string;
  township_name: string | null;
}

/** The villages under a path of a tenant (its whole subtree), in path order. */
export async function villagesUnder(db: Q, tenantId: number, orgPath: string): Promise<EconomyVillage[]> {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = await db
    .selectFrom('orgs as o')
    .leftJoin('orgs as t', 't.id', 'o.parent_id')
    .select([
      'o.id',
      'o.org_path',
      sql<string>`coalesce(o.place_name, o.name)`.as('name'),
      sql<string | null>`coalesce(t.place_name, t.name)`.as('township_name'),
    ])
    .where('o.tenant_id', '=', tenantId)
    .where('o.org_path', '>=', lo)
    .where('o.org_path', '<', hi)
    .where('o.deleted_at', 'is', null)
    .where('o.place_name', 'is not', null)
    .where('o.place_name', '<>', '')
    .where('o.field', '=', 'rural')
    .where('o.type', 'in', PLACE_TYPES)
    .where('o.depth', '>=', PLACE_MIN_DEPTH)
    .orderBy('o.org_path')
    .execute();
  return rows as EconomyVillage[];
}

/** Whether an organization is a village of the economy modules (see `villagesUnder`). */
export function isEconomyVillage(o: {
  place_name: string | null;
  field: string | null;
  type: string;
  depth: number;
}): boolean {
  return !!o.place_name && o.field === 'rural' && PLACE_TYPES.includes(o.type) && o.depth >= PLACE_MIN_DEPTH;
}

/** The live organizations right below one (the rows of a roll-up), with their place names. */
export async function childrenOf(db: Q, tenantId: number, parentId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'org_path', sql<string>`coalesce(place_name, name)`.as('name')])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('org_path')
    .execute();
}
