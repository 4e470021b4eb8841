/**
 * The queries of the inspections figure and demo: visits of a subtree in a span with their findings and the
 * states of the problems opened, the inspections issued, and the organizations of a county.
 */
import type { Q } from '../../../platform/data/scoped.js';
// The organizations' own readers, under the names this module's code calls them.
export { childOrgs, orgOfTenant } from '../../core/orgs/orgs.repository.js';

/** Visits dated in a span to organizations of a subtree, of live inspections that may be seen, with their kind. */
export function visitsInSpan(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  return (
    db
      .selectFrom('inspection_visits as v')
      .innerJoin('inspections as i', 'i.id', 'v.inspection_id')
      .select(['v.id', 'v.org_id', 'v.org_path', 'v.inspection_id', 'i.kind'])
      .where('v.tenant_id', '=', tenantId)
      .where('v.org_path', '>=', lo)
      .where('v.org_path', '<', hi)
      .where('v.deleted_at', 'is', null)
      .where('v.visited_on', '>=', from)
      .where('v.visited_on', '<=', to)
      .where('i.deleted_at', 'is', null)
      .where('i.status', '!=', 'cancelled')
      // An unannounced inspection counts once completed: a figure of the visited subtree must not announce it.
      .where((e) => e.or([e('i.unannounced', '=', 0), e('i.status', '=', 'completed')]))
      .execute()
  );
}

/** The live findings of some visits with the state of the problem each opened. */
export async function findingStates(db: Q, visitIds: number[]) {
  const out: { visit_id: number; problem_id: number | null; problem_status: string | null }[] = [];
  for (let i = 0; i < visitIds.length; i += 500) {
    const rows = await db
      .selectFrom('inspection_findings as f')
      .leftJoin('problems as p', (j) => j.onRef('p.id', '=', 'f.problem_id').on('p.deleted_at', 'is', null))
      .select(['f.visit_id', 'f.problem_id', 'p.status as problem_status'])
      .where('f.visit_id', 'in', visitIds.slice(i, i + 500))
      .where('f.deleted_at', 'is', null)
      .execute();
    out.push(...rows);
  }
  return out;
}

/** How many live inspections, not cancelled, a subtree issued starting in a span. */
export async function issuedInSpan(db: Q, tenantId: number, [lo, hi]: [string, string], from: string, to: string) {
  const r = await db
    .selectFrom('inspections')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'cancelled')
    .where('starts_on', '>=', from)
    .where('starts_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The live organizations of a county with their secretaries' names (the demo's places to inspect). */
export function demoOrgs(db: Q, tenantId: number) {
  return db
    .selectFrom('orgs as o')
    .leftJoin('members as m', 'm.id', 'o.secretary_member_id')
    .select(['o.id', 'o.name', 'o.org_path', 'o.type', 'o.depth', 'm.name as secretary'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.deleted_at', 'is', null)
    .orderBy('o.id')
    .execute();
}
