/**
 * The time rules of member development in force for a county: the `development` rule set (`platform/rules.ts`),
 * national defaults from the contracts that a county overrides from a year on, through the generic rules routes
 * and the one rules page.
 */
import {
  DEVELOPMENT_RULE_DEFAULTS,
  DEVELOPMENT_RULE_LABELS,
  type DevelopmentRuleKey,
  type DevelopmentRules,
  RULE_SET_LABELS,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, type RuleSetDef, rulesAt, type RulesDb } from '../../../platform/rules.js';

const KEYS = Object.keys(DEVELOPMENT_RULE_DEFAULTS) as DevelopmentRuleKey[];

/** The `development` rule set: whole numbers 1–1000; each lower bound stays at or under its upper bound. */
export const DEVELOPMENT_RULES = defineRuleSet<DevelopmentRules>({
  name: 'development',
  label: RULE_SET_LABELS.development,
  keys: Object.fromEntries(
    KEYS.map((k) => [k, { label: DEVELOPMENT_RULE_LABELS[k], schema: Type.Integer({ minimum: 1, maximum: 1000 }) }]),
  ) as unknown as RuleSetDef<DevelopmentRules>['keys'],
  defaults: { ...DEVELOPMENT_RULE_DEFAULTS },
  ordered: [
    ['approvalWithinMonths', 'approvalMaxMonths'],
    ['extensionMinMonths', 'extensionMaxMonths'],
  ],
  read: 'development.read',
  write: 'development.rules',
  // The pipeline's next steps and the overdue list follow these rules.
  affects: ['development'],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function developmentRules(
  db: RulesDb,
  tenantId: number,
  year = chinaYear(new Date()),
): Promise<DevelopmentRules> {
  return rulesAt<DevelopmentRules>(db, DEVELOPMENT_RULES.name, tenantId, year);
}
