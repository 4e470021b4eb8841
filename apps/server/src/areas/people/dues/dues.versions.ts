/**
 * The dues rules as versions by month: version 1 is the national rules (contracts), a county adds later versions
 * from a month not billed yet, so a version in use never changes and every bill keeps the version it used.
 * The quote answers a month's dues for a category and an income under the version of that month.
 */
import {
  type DuesQuoteQueryT,
  type DuesQuoteT,
  type DuesRuleCreateT,
  type DuesRuleT,
  type DuesScalesT,
  chinaDay,
} from '@dangjian/contracts';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/data/audit.js';
import { bumpVersion, cached } from '../../../platform/data/versions.js';
import { DomainError } from '../../../platform/errors.js';
import {
  checkScales,
  duesFen,
  prevMonth,
  fenOf,
  NATIONAL_VERSION,
  type RuleVersion,
  versionFor,
  yuanOf,
} from './dues.money.js';
import * as repo from './dues.repository.js';

/** This month in China time (YYYY-MM). */
export function thisMonth(ctx: Ctx): string {
  return chinaDay(ctx.clock()).slice(0, 7);
}

/** A county's versions, oldest first: the national rules, then its own. */
export async function versionsOf(db: repo.Q, tenantId: number): Promise<RuleVersion[]> {
  const own = await repo.listRules(db, tenantId);
  return [
    NATIONAL_VERSION,
    ...own.map((r) => ({
      version: r.version,
      validFrom: r.valid_from,
      scales: JSON.parse(r.scales) as DuesScalesT,
      note: r.note,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
    })),
  ];
}

/** The versions of the caller's county with their months and how many bills used each. */
export async function listRules(ctx: Ctx, actor: Actor): Promise<{ items: DuesRuleT[]; total: number }> {
  requireCapability(actor, 'dues.read');
  const versions = await versionsOf(ctx.db, actor.tenantId!);
  const used = await cached(ctx.db, actor.tenantId!, 'dues', 'rules|bills', async () => [
    ...(await repo.billsByVersion(ctx.db, actor.tenantId!)),
  ]);
  const byVersion = new Map(used);
  const items = versions.map((v, i) => {
    const next = versions[i + 1];
    return {
      version: v.version,
      validFrom: v.validFrom,
      validTo: next ? prevMonth(next.validFrom) : null,
      scales: v.scales,
      note: v.note,
      national: v.version === 1,
      bills: byVersion.get(v.version) ?? 0,
      createdAt: v.createdAt,
      createdByName: v.createdByName,
    };
  });
  return { items: items.reverse(), total: items.length };
}

/** Adds a version from a month on (county admin): after the latest version's start, and no bill of it yet. */
export async function createRule(
  ctx: Ctx,
  actor: Actor,
  body: DuesRuleCreateT,
): Promise<{ items: DuesRuleT[]; total: number }> {
  requireCapability(actor, 'dues.rules');
  checkScales(body.scales);
  const tenantId = actor.tenantId!;
  await ctx.db.transaction().execute(async (trx) => {
    const versions = await versionsOf(trx, tenantId);
    const latest = versions.at(-1)!;
    if (body.validFrom <= latest.validFrom)
      throw new DomainError('dues.rule_not_later', { field: 'validFrom', latest: latest.validFrom });
    if (await repo.billedFrom(trx, tenantId, body.validFrom))
      throw new DomainError('dues.rule_month_billed', { field: 'validFrom' }, 409);
    const now = ctx.clock().toISOString();
    const version = latest.version + 1;
    await repo.insertRule(trx, {
      tenant_id: tenantId,
      version,
      valid_from: body.validFrom,
      scales: JSON.stringify(body.scales),
      note: body.note?.trim() || null,
      created_at: now,
      created_by: actor.userId || null,
    });
    await writeAudit(ctx, trx, actor, {
      action: 'dues_rule.create',
      entityType: 'dues_rule',
      entityId: version,
      changes: { validFrom: { before: null, after: body.validFrom }, scales: { before: null, after: body.scales } },
    });
    await bumpVersion(trx, tenantId, 'dues');
  });
  return listRules(ctx, actor);
}

/** A month's dues for a category and income, with the version that governs the month (default: this month). */
export async function quote(ctx: Ctx, actor: Actor, q: DuesQuoteQueryT): Promise<DuesQuoteT> {
  requireCapability(actor, 'dues.read');
  const month = q.month ?? thisMonth(ctx);
  const v = versionFor(await versionsOf(ctx.db, actor.tenantId!), month);
  const scale = v.scales[q.category];
  const income = q.monthlyIncome == null ? null : fenOf(q.monthlyIncome, 'monthlyIncome');
  return { amount: yuanOf(duesFen(scale, income, null)), ruleVersion: v.version };
}
