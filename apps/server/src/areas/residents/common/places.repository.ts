/** Villages (村、社区) as places: their names in queries, and the villages of a scope with their townships. */
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../../platform/actor.js';
import { type Q, scoped } from '../../../platform/data/scoped.js';
import { PLACE_FIELDS, PLACE_MIN_DEPTH, PLACE_TYPES } from '../../core/orgs/orgs.places.js';

/** The name a list shows for an organization joined as `alias`: its place's (大岭村), else its own. */
export function placeNameOf(alias: string): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(`${alias}.place_name`)}, ${sql.ref(`${alias}.name`)})`;
}

/** A village of the caller's scope: its organization, its place name and its township. */
export interface VillageRow {
  id: number;
  tenant_id: number;
  parent_id: number | null;
  org_path: string;
  name: string;
  place_name: string;
  township_name: string | null;
}

/**
 * The villages and communities of the caller's scope (or of a subtree of it), with their township's place name:
 * live village-level organizations that carry a place name.
 */
export async function villagesInScope(db: Q, actor: Actor, underPath?: string | null): Promise<VillageRow[]> {
  const rows = await scoped(db, actor, 'orgs', { as: 'o', under: underPath })
    .leftJoin('orgs as t', 't.id', 'o.parent_id')
    .select([
      'o.id',
      'o.tenant_id',
      'o.parent_id',
      'o.org_path',
      'o.name',
      'o.place_name',
      placeNameOf('t').as('township_name'),
    ])
    .where('o.place_name', 'is not', null)
    .where('o.place_name', '<>', '')
    .where('o.type', 'in', PLACE_TYPES)
    .where('o.field', 'in', PLACE_FIELDS)
    .where('o.depth', '>=', PLACE_MIN_DEPTH)
    .orderBy('o.org_path')
    .execute();
  return rows as VillageRow[];
}
