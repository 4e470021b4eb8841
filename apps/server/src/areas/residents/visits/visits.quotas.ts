/** Visit quotas (走访) of the rules: every village each quarter, each township cadre some days and households a week. */
import type { VisitQuotasT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { isPlaceOrg } from '../common/places.js';
import { residentsRules } from '../common/residents.rules.js';
import { chinaDay, isoWeekOf, isoWeekRange, quarterOf, quarterRange } from '../requests/requests.time.js';
import * as repo from './visits.repository.js';
import { quotasFigure } from './visits.figures.js';

/**
 * The county's township committees: depth-1 committees of the rural or community field (not the county's
 * working committees).
 */
function isTownship(o: { depth: number; type: string; field: string | null }): boolean {
  return o.depth === 1 && o.type === 'committee' && (o.field === 'rural' || o.field === 'community');
}

/**
 * Visit quotas of a subtree.
 * - A village is a live organization at depth 2 (directly under a township committee) whose field is
 *   rural or community: a village's (or community's) branch or general branch. A visit counts for the
 *   village whose subtree holds the visited household (households of a general branch's sub-branches count
 *   for the village). Short: fewer visits in the quarter than villageVisitsPerQuarter.
 * - A township cadre is a live member of a township committee itself (its office staff) or of an
 *   organization of the organ field below a township; the county's own organs (under the county's working
 *   committees) are not township cadres. A cadre's visits anywhere in the county count. Short: fewer
 *   distinct visit days than cadreVisitDaysPerWeek, or fewer distinct households than
 *   cadreVisitHouseholdsPerWeek, in the ISO week (Monday to Sunday, China dates).
 */
export async function quotas(
  ctx: Ctx,
  actor: Actor,
  query: { org?: number; week?: string; quarter?: string },
): Promise<VisitQuotasT> {
  requireCapability(actor, 'residents.read');
  const tenantId = actor.tenantId!;
  const underPath = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const day = chinaDay(ctx.clock());
  const w = query.week ? isoWeekRange(query.week) : isoWeekOf(day);
  const qr = quarterRange(query.quarter ?? quarterOf(day));
  // Cached as a figure: the caller's scope, the subtree asked for and the two periods are all it reads.
  const args = { scope: actor.orgPath, under: underPath ?? null, week: w.week, quarter: qr.quarter };
  return quotasFigure.get(ctx, tenantId, args, async () => {
    const rules = await residentsRules(ctx.db, tenantId);

    // Organizations of the scope plus the townships above it (a township's own scope needs no more).
    const orgs = await repo.orgsUnder(ctx.db, actor, underPath);
    const townshipIds = new Set((await repo.depthOneOrgs(ctx.db, tenantId)).filter(isTownship).map((o) => o.id));
    const segment = (path: string, i: number) => Number(path.split('/')[i + 1]);

    // The top place organization of each village (the shared definition), directly under a township.
    const villages = orgs.filter(
      (o) => o.depth === 2 && isPlaceOrg(o) && o.parent_id != null && townshipIds.has(o.parent_id),
    );
    const visitsByOrg = await repo.visitsByOrgPath(ctx.db, actor, underPath, qr.from, qr.to);
    const perVillage = new Map<number, number>();
    for (const v of visitsByOrg) {
      const villageId = segment(v.org_path, 2);
      if (Number.isFinite(villageId)) perVillage.set(villageId, (perVillage.get(villageId) ?? 0) + Number(v.n));
    }
    const villagesShort = villages
      .map((v) => ({
        orgId: v.id,
        orgName: v.place_name ?? v.name,
        visits: perVillage.get(v.id) ?? 0,
        path: v.org_path,
      }))
      .filter((v) => v.visits < rules.villageVisitsPerQuarter)
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map(({ path: _p, ...v }) => v);

    const cadreOrgs = new Map(
      orgs
        .filter((o) =>
          isTownship(o) ? true : o.field === 'organ' && o.depth >= 2 && townshipIds.has(segment(o.org_path, 1)),
        )
        .map((o) => [o.id, o.name]),
    );
    const cadreMembers = await repo.membersOfOrgs(ctx.db, tenantId, [...cadreOrgs.keys()]);
    const perCadre = await repo.visitorTallies(
      ctx.db,
      tenantId,
      cadreMembers.map((m) => m.id),
      w.from,
      w.to,
    );
    const cadresShort = cadreMembers
      .map((m) => ({
        memberId: m.id,
        name: m.name,
        orgName: cadreOrgs.get(m.org_id) ?? '',
        ...(perCadre.get(m.id) ?? { days: 0, households: 0 }),
      }))
      .filter((c) => c.days < rules.cadreVisitDaysPerWeek || c.households < rules.cadreVisitHouseholdsPerWeek);

    return {
      quarter: qr.quarter,
      quarterFrom: qr.from,
      quarterTo: qr.to,
      villages: villages.length,
      villagesVisited: villages.filter((v) => (perVillage.get(v.id) ?? 0) > 0).length,
      villagesShort,
      week: w.week,
      weekFrom: w.from,
      weekTo: w.to,
      cadres: cadreMembers.length,
      cadresShort,
      rules: {
        villageVisitsPerQuarter: rules.villageVisitsPerQuarter,
        cadreVisitDaysPerWeek: rules.cadreVisitDaysPerWeek,
        cadreVisitHouseholdsPerWeek: rules.cadreVisitHouseholdsPerWeek,
      },
    };
  });
}
