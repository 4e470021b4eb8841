/** The villages and communities of a scope, for the pickers of households, groups and wishes (村、社区 by township). */
import type { VillageListT } from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { villagesInScope } from './places.repository.js';

/**
 * The villages of the caller's scope (or of one organization of it), by township then name: places, never the
 * committees above them or the branches below them.
 */
export async function villages(ctx: Ctx, actor: Actor, orgId?: number): Promise<VillageListT> {
  requireCapability(actor, 'residents.read');
  const under = orgId != null ? (await orgsRepo.getOrg(ctx.db, actor, orgId)).org_path : null;
  const rows = await villagesInScope(ctx.db, actor, under);
  const items = rows.map((r) => ({
    id: r.id,
    name: r.place_name,
    orgName: r.name,
    townshipId: r.parent_id,
    townshipName: r.township_name ?? '',
  }));
  items.sort(
    (a, b) =>
      a.townshipName.localeCompare(b.townshipName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id,
  );
  return { items };
}
