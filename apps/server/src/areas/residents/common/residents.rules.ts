/**
 * The rules of service work in force for a county: the `residents` rule set (`platform/rules.ts`), national defaults
 * from the contracts overridden by the county's own values from a year on. The functions below keep the shapes the
 * services and the old `/api/service-rules` routes use.
 */
import {
  RESIDENTS_RULE_DEFAULTS,
  RESIDENTS_RULE_LABELS,
  RULE_SET_LABELS,
  type ResidentsRuleKey,
  type ResidentsRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import {
  changeRules,
  chinaYear,
  defineRuleSet,
  rulesAt,
  type RuleSetDef,
  type RulesDb,
} from '../../../platform/rules.js';

const KEYS = Object.keys(RESIDENTS_RULE_DEFAULTS) as ResidentsRuleKey[];

/** The `residents` rule set: whole numbers 0–1000; each lower bound stays at or under its upper bound. */
export const RESIDENTS_RULES = defineRuleSet<ResidentsRules>({
  name: 'residents',
  label: RULE_SET_LABELS.residents,
  keys: Object.fromEntries(
    KEYS.map((k) => [k, { label: RESIDENTS_RULE_LABELS[k], schema: Type.Integer({ minimum: 0, maximum: 1000 }) }]),
  ) as unknown as RuleSetDef<ResidentsRules>['keys'],
  defaults: { ...RESIDENTS_RULE_DEFAULTS },
  ordered: [
    ['groupSizeMin', 'groupSizeMax'],
    ['groupPoorMin', 'groupPoorMax'],
    ['pairingLoadMin', 'pairingLoadMax'],
    ['groupPoorMax', 'groupSizeMax'],
  ],
  read: 'residents.read',
  write: 'residents.rules',
  // The figures of serving residents are cached under its version.
  affects: ['residents'],
});

/**
 * The rules in force for a tenant (defaults where the county set nothing), in a year: by default the current year
 * in China (services reading "now" need no clock of their own; an override carries into later years).
 */
export async function residentsRules(
  db: RulesDb,
  tenantId: number,
  year = chinaYear(new Date()),
): Promise<ResidentsRules> {
  return rulesAt<ResidentsRules>(db, RESIDENTS_RULES.name, tenantId, year);
}

/** The rules in force this year with, for each, whether the county's value differs from the default. */
export async function rulesInForce(
  ctx: Ctx,
  actor: Actor,
): Promise<{ rules: ResidentsRules; defaults: ResidentsRules; overridden: ResidentsRuleKey[] }> {
  requireCapability(actor, 'residents.read');
  const rules = await residentsRules(ctx.db, actor.tenantId!, chinaYear(ctx.clock()));
  const overridden = KEYS.filter((k) => rules[k] !== RESIDENTS_RULE_DEFAULTS[k]);
  return { rules, defaults: { ...RESIDENTS_RULE_DEFAULTS }, overridden };
}

/**
 * Sets county values for some rules from this year on; `null` (or the default) drops a rule back to the national
 * default. A refused value answers `residents.bad_rule`, as this path always did.
 */
export async function setRules(ctx: Ctx, actor: Actor, patch: Partial<Record<ResidentsRuleKey, number | null>>) {
  requireCapability(actor, 'residents.rules');
  const values: Record<string, number> = {};
  const reset: string[] = [];
  for (const [k, v] of Object.entries(patch) as [ResidentsRuleKey, number | null][]) {
    if (!(k in RESIDENTS_RULE_DEFAULTS)) throw new DomainError('residents.bad_rule', { rule: k });
    if (v == null || v === RESIDENTS_RULE_DEFAULTS[k]) reset.push(k);
    else values[k] = v;
  }
  try {
    await changeRules(ctx, actor, RESIDENTS_RULES.name, chinaYear(ctx.clock()), { values, reset }, null);
  } catch (e) {
    if (!(e instanceof DomainError) || !['rules.bad_value', 'rules.order'].includes(e.code)) throw e;
    const d = e.details as { key: string; mustNotExceed?: string };
    throw new DomainError('residents.bad_rule', {
      rule: d.key,
      ...(d.mustNotExceed ? { mustNotExceed: d.mustNotExceed } : {}),
    });
  }
  return rulesInForce(ctx, actor);
}
