/** The overview's own queries: the organizations right below a root, and the bulletins issued in a subtree. */
import { addDays, chinaDayStart } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Q } from '../../../platform/data/scoped.js';

/** Live organizations right below `parentId`, in the tree's order. */
export function childOrgs(db: Q, tenantId: number, parentId: number) {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'type', 'org_path'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** The path range of an organization's subtree. */
async function rangeOf(db: Q, tenantId: number, orgId: number): Promise<[string, string]> {
  const root = await db
    .selectFrom('orgs')
    .select('org_path')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return subtreeRange(root.org_path);
}

/** Rectification notices (交办单) issued to organizations of the subtree within the period. */
export async function noticesIssued(
  db: Q,
  tenantId: number,
  span: { orgId: number; from: string; to: string },
): Promise<number> {
  const [lo, hi] = await rangeOf(db, tenantId, span.orgId);
  const row = await db
    .selectFrom('problems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('notice_no', 'is not', null)
    .where('assigned_on', '>=', span.from)
    .where('assigned_on', '<=', span.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Bulletins issued by organizations of the subtree within the period (China days): a withdrawn one was issued
 * too, a draft was not.
 */
export async function issuedBulletins(
  db: Q,
  tenantId: number,
  span: { orgId: number; from: string; to: string },
): Promise<number> {
  const [lo, hi] = await rangeOf(db, tenantId, span.orgId);
  const row = await db
    .selectFrom('bulletins')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('issuer_path', '>=', lo)
    .where('issuer_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('issued_at', '>=', chinaDayStart(span.from))
    .where('issued_at', '<', chinaDayStart(addDays(span.to, 1)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
