/**
 * The retraining rule in force for a county: the `retraining` rule set (`platform/rules.ts`), the defaults from the
 * contracts (3 months, 24 class hours before the test, a pass mark of 60) that a county may override from a year on
 * through the one rules page. A file is judged by the rule of its year.
 */
import {
  RETRAINING_RULE_DEFAULTS,
  RETRAINING_RULE_LABELS,
  RETRAINING_RULE_SET_LABEL,
  type RetrainingRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

/** The `retraining` rule set: a period in months, hours and a pass mark 0–100. */
export const RETRAINING_RULES = defineRuleSet<RetrainingRules>({
  name: 'retraining',
  label: RETRAINING_RULE_SET_LABEL,
  keys: {
    periodMonths: {
      label: RETRAINING_RULE_LABELS.periodMonths,
      schema: Type.Integer({ minimum: 1, maximum: 24 }),
    },
    minHours: { label: RETRAINING_RULE_LABELS.minHours, schema: Type.Number({ minimum: 0, maximum: 500 }) },
    passScore: { label: RETRAINING_RULE_LABELS.passScore, schema: Type.Number({ minimum: 0, maximum: 100 }) },
  },
  defaults: { ...RETRAINING_RULE_DEFAULTS },
  read: 'retraining.read',
  write: 'retraining.write',
  // Tests already recorded keep their verdict and files their due day; the figures count states, not the rule.
  affects: [],
});

/** The rule in force for a tenant in a year (by default the current year in China). */
export async function retrainingRules(
  db: RulesDb,
  tenantId: number,
  year = chinaYear(new Date()),
): Promise<RetrainingRules> {
  return rulesAt<RetrainingRules>(db, RETRAINING_RULES.name, tenantId, year);
}
