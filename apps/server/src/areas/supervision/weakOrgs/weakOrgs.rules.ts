/**
 * The acceptance rule of weak organizations in force for a county: the `weakOrgs` rule set (`platform/rules.ts`),
 * the defaults from the contracts (a score of at least 70, not more than half dissatisfied) that a county may
 * override from a year on through the one rules page. An acceptance is judged by the rule of its own year.
 */
import {
  WEAK_ORGS_RULE_DEFAULTS,
  WEAK_ORGS_RULE_LABELS,
  WEAK_ORGS_RULE_SET_LABEL,
  type WeakOrgsRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

/** The `weakOrgs` rule set: a pass mark 0–100 and a share 0–1. */
export const WEAK_ORGS_RULES = defineRuleSet<WeakOrgsRules>({
  name: 'weakOrgs',
  label: WEAK_ORGS_RULE_SET_LABEL,
  keys: {
    passScore: { label: WEAK_ORGS_RULE_LABELS.passScore, schema: Type.Number({ minimum: 0, maximum: 100 }) },
    maxDissatisfiedShare: {
      label: WEAK_ORGS_RULE_LABELS.maxDissatisfiedShare,
      schema: Type.Number({ minimum: 0, maximum: 1 }),
    },
  },
  defaults: { ...WEAK_ORGS_RULE_DEFAULTS },
  read: 'weakOrgs.read',
  write: 'weakOrgs.flag',
  // Acceptances already recorded keep their verdict; the figures count verdicts, so none follows the rule.
  affects: [],
});

/** The rule in force for a tenant in a year (by default the current year in China). */
export async function weakOrgsRules(
  db: RulesDb,
  tenantId: number,
  year = chinaYear(new Date()),
): Promise<WeakOrgsRules> {
  return rulesAt<WeakOrgsRules>(db, WEAK_ORGS_RULES.name, tenantId, year);
}
