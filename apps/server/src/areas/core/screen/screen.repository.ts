/** The queries of the wall screen: the organizations its tiles stand for and the subtree they gather. */
import { liveInSubtree, type Q } from '../../../platform/data/scoped.js';
import { subtreeRange } from '../../../db/dialect.js';

export type { Q };

/** A live organization as the screen needs it: no person, only the org's name and place in the tree. */
export interface ScreenOrgRow {
  id: number;
  name: string;
  field: string | null;
  org_path: string;
}

/** The live direct children of an organization, in display order. */
export function childrenOf(db: Q, tenantId: number, org: { org_path: string; depth: number }): Promise<ScreenOrgRow[]> {
  return liveInSubtree(db, 'orgs', tenantId, subtreeRange(org.org_path))
    .where('depth', '=', org.depth + 1)
    .select(['id', 'name', 'field', 'org_path'])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Every live organization under a path with its path only: which tile each one falls in. */
export function pathsUnder(db: Q, tenantId: number, orgPath: string): Promise<{ id: number; org_path: string }[]> {
  return liveInSubtree(db, 'orgs', tenantId, subtreeRange(orgPath)).select(['id', 'org_path']).execute();
}

/** How many live members each organization under a path has. */
export function memberCountsUnder(db: Q, tenantId: number, orgPath: string) {
  return liveInSubtree(db, 'members', tenantId, subtreeRange(orgPath))
    .select(['org_id', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('org_id')
    .execute();
}
