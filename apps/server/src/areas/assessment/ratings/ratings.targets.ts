/**
 * The multi-year target of a scheme family (seed 002: every branch at ≥ 3 stars within three years): one per county
 * and family, set by the county; the figure `ratings.target` follows it year by year.
 */
import { type RatingTargetListT, type RatingTargetSetT, type RatingTargetT } from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { presentTarget } from './ratings.figures.js';
import * as repo from './ratings.repository.js';
import { fieldError } from './ratings.schemes.js';

/** The county's targets. */
export async function list(ctx: Ctx, actor: Actor): Promise<RatingTargetListT> {
  requireCapability(actor, 'ratings.read');
  return { items: (await repo.targetsOf(ctx.db, actor.tenantId!)).map(presentTarget) };
}

/** Sets (creates or changes) the county's target of a family. */
export async function set(ctx: Ctx, actor: Actor, input: RatingTargetSetT): Promise<RatingTargetT> {
  requireCapability(actor, 'ratings.schemes');
  if (input.byYear < input.startYear) throw fieldError('ratings.bad_target', 'byYear');
  if (!/^[A-Za-z0-9_.-]+$/.test(input.family)) throw fieldError('validation', 'family');
  const org = await orgsRepo.getOrg(ctx.db, actor, actor.orgId!);
  const row = {
    min_stars: input.minStars,
    share_permille: Math.round(input.share * 1000),
    start_year: input.startYear,
    by_year: input.byYear,
    note: input.note?.trim() || null,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock().toISOString();
    const old = (await repo.targetsOf(trx, org.tenant_id)).find((t) => t.family === input.family);
    let id: number;
    if (old) {
      id = old.id;
      await repo.updateTarget(trx, id, { ...row, updated_at: now });
    } else
      id = await repo.insertTarget(trx, {
        tenant_id: org.tenant_id,
        org_id: org.id,
        org_path: org.org_path,
        family: input.family,
        ...row,
        created_by: actor.userId || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      });
    await writeAudit(ctx, trx, actor, {
      action: 'rating_target.set',
      entityType: 'rating_target',
      entityId: id,
      changes: {
        share: { before: old ? old.share_permille / 1000 : null, after: input.share },
        minStars: { before: old?.min_stars ?? null, after: input.minStars },
        byYear: { before: old?.by_year ?? null, after: input.byYear },
      },
    });
    await bumpVersion(trx, org.tenant_id, 'ratings');
    return id;
  });
  const t = (await repo.targetsOf(ctx.db, org.tenant_id)).find((x) => x.id === id)!;
  return presentTarget(t);
}
