/**
 * The harvest on demand (township or county, a month or this year so far) and the daily job (every county, this
 * year up to today): each runs the readers of `points.harvest.ts` outside a transaction, one statement per event.
 */
import type { PointHarvestResultT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability, scopeRange } from '../../../platform/actor.js';
import { writeAuditAlone } from '../../../platform/data/audit.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { harvest, type HarvestSpan } from './points.harvest.js';
import * as repo from './points.repository.js';
import { pointsRules } from './points.rules.js';
import { fieldError, todayOf } from './points.service.js';

/** Harvests a span of a tenant's subtree (outside a transaction: each reader is one statement). */
async function harvestSpan(ctx: Ctx, tenantId: number, range: [string, string], from: string, to: string) {
  const now = ctx.clock().toISOString();
  const span: HarvestSpan = { tenantId, range, from, to, today: todayOf(ctx), now };
  const rules = await pointsRules(ctx.db, tenantId, Number(from.slice(0, 4)));
  const res = await harvest(ctx.db, span, rules);
  if (res.added || res.reversed) await bumpVersion(ctx.db, tenantId, 'points');
  return res;
}

/** The first and last day of a month `YYYY-MM`. */
function monthSpan(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`];
}

/** Harvests a subtree for a month (default: this year up to today) on demand (township or county). */
export async function harvestNow(
  ctx: Ctx,
  actor: Actor,
  query: { org?: number; month?: string },
): Promise<PointHarvestResultT> {
  requireCapability(actor, 'points.approve');
  const path = await orgsRepo.underOrg(ctx.db, actor, query.org);
  const range = path ? subtreeRange(path) : scopeRange(actor);
  const today = todayOf(ctx);
  if (query.month && query.month > today.slice(0, 7)) throw fieldError('points.month_future', 'month');
  const [from, to] = query.month ? monthSpan(query.month) : [`${today.slice(0, 4)}-01-01`, today];
  const res = await harvestSpan(ctx, actor.tenantId!, range, from, to);
  await writeAuditAlone(ctx, actor, {
    action: 'point.harvest',
    entityType: 'point_entry',
    detail: `${from}..${to} org ${query.org ?? actor.orgId}: +${res.added}, reversed ${res.reversed}`,
  });
  return { month: query.month ?? null, ...res };
}

/**
 * The daily job: every county, last month and this month up to today (records come in late by days or weeks, not
 * months; the year is harvested on demand). Each month is its own span: a span lies within one year's rules.
 */
export async function harvestJob(ctx: Ctx, at: { today: string }): Promise<void> {
  const tenants = await repo.countyRoots(ctx.db);
  const [y, m] = at.today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
  for (const t of tenants) {
    const range = subtreeRange(t.org_path);
    await harvestSpan(ctx, t.tenant_id, range, ...monthSpan(last));
    await harvestSpan(ctx, t.tenant_id, range, `${at.today.slice(0, 7)}-01`, at.today);
  }
}
