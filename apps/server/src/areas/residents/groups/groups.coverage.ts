/** Coverage of household groups (联户组) over a subtree, the households left out, and the size rules. */
import type { GroupCoverageT, HouseholdListQueryT, HouseholdT, ResidentsRules } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import { pagingOf, subtreeFilter } from '../../../platform/listing.js';
import type { Ctx } from '../../../platform/context.js';
import { coverageFigure } from './groups.figures.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { residentsRules } from '../common/residents.rules.js';
import { PLACE_FIELDS } from '../common/places.js';
import * as householdsRepo from '../households/households.repository.js';
import { withCadres } from '../households/households.service.js';
import * as repo from './groups.repository.js';

/** Whether a group's size and poor count keep to the rules (reported, not refused: villages form groups gradually). */
export function flags(c: repo.Counts, rules: ResidentsRules): { sizeOk: boolean; poorOk: boolean } {
  return {
    sizeOk: c.households >= rules.groupSizeMin && c.households <= rules.groupSizeMax,
    poorOk: c.poor >= rules.groupPoorMin && c.poor <= rules.groupPoorMax,
  };
}

interface Tally {
  groups: number;
  households: number;
  householdsTotal: number;
  people: number;
  peopleTotal: number;
}
const rate = (t: Tally) => (t.householdsTotal ? t.households / t.householdsTotal : 0);

/**
 * Coverage of a subtree (default: the caller's scope): groups, households and people in a live group
 * against all, poor households covered, groups off the rules, and the same by child organization.
 */
export async function coverage(ctx: Ctx, actor: Actor, orgId?: number): Promise<GroupCoverageT> {
  requireCapability(actor, 'residents.read');
  const root = orgId ? await orgsRepo.getOrg(ctx.db, actor, orgId) : await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const tenantId = actor.tenantId!;
  return coverageFigure.get(ctx, tenantId, { root: root.id, path: root.org_path }, async () => {
    const rules = await residentsRules(ctx.db, tenantId);
    const children = await repo.childOrgs(ctx.db, tenantId, root.id);
    const childOf = (path: string) => children.find((c) => path.startsWith(c.org_path));
    // Households by village: all, covered, their people and poor ones.
    const byVillage = await repo.householdsByVillage(ctx.db, actor, root.org_path);
    // Live groups with their sizes (a group with no live household counts too).
    const groups = await repo.groupSizes(ctx.db, actor, root.org_path);
    const zero = (): Tally => ({ groups: 0, households: 0, householdsTotal: 0, people: 0, peopleTotal: 0 });
    const total = zero();
    const byChild = new Map(children.map((c) => [c.id, zero()]));
    let poor = 0;
    let poorCovered = 0;
    let offRule = 0;
    for (const v of byVillage) {
      const add = (t: Tally) => {
        t.households += Number(v.covered ?? 0);
        t.householdsTotal += Number(v.n);
        t.people += Number(v.people_covered ?? 0);
        t.peopleTotal += Number(v.people ?? 0);
      };
      add(total);
      const c = childOf(v.org_path);
      if (c) add(byChild.get(c.id)!);
      poor += Number(v.poor ?? 0);
      poorCovered += Number(v.poor_covered ?? 0);
    }
    for (const g of groups) {
      total.groups++;
      const c = childOf(g.org_path);
      if (c) byChild.get(c.id)!.groups++;
      const f = flags({ households: Number(g.n), poor: Number(g.poor), people: 0 }, rules);
      if (!f.sizeOk || !f.poorOk) offRule++;
    }
    return {
      ...total,
      coverageRate: rate(total),
      poorHouseholds: poor,
      poorCovered,
      groupsOffRule: offRule,
      // Organs', enterprises' and industry chains' branches hold no households: not ranked at 0.0%.
      byOrg: children
        .filter((c) => c.field == null || PLACE_FIELDS.includes(c.field) || byChild.get(c.id)!.householdsTotal > 0)
        .map((c) => {
          const t = byChild.get(c.id)!;
          return { orgId: c.id, orgName: c.place_name ?? c.name, ...t, coverageRate: rate(t) };
        }),
    };
  });
}

/** Households of a subtree in no live group, paged. */
export async function uncovered(
  ctx: Ctx,
  actor: Actor,
  query: Pick<HouseholdListQueryT, 'org' | 'page' | 'pageSize'>,
): Promise<{ items: HouseholdT[]; total: number }> {
  const { underPath } = await subtreeFilter(ctx, actor, query, 'residents.read');
  const filter = { underPath, grouped: false };
  const { rows, total } = await householdsRepo.listHouseholds(ctx.db, actor, filter, pagingOf(query));
  return { items: await withCadres(ctx.db, rows), total };
}
