/**
 * The learning rule in force for a county: the `learning` rule set, the defaults from the contracts (1 to 3 items a
 * month, seed 004's 夜学) that a county may override from a year on through the one rules page.
 */
import {
  LEARNING_RULE_DEFAULTS,
  LEARNING_RULE_LABELS,
  LEARNING_RULE_SET_LABEL,
  type LearningRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

/** The `learning` rule set: the fewest and most items of a month's list. */
export const LEARNING_RULES = defineRuleSet<LearningRules>({
  name: 'learning',
  label: LEARNING_RULE_SET_LABEL,
  keys: {
    minItems: { label: LEARNING_RULE_LABELS.minItems, schema: Type.Integer({ minimum: 0, maximum: 10 }) },
    maxItems: { label: LEARNING_RULE_LABELS.maxItems, schema: Type.Integer({ minimum: 1, maximum: 10 }) },
  },
  defaults: { ...LEARNING_RULE_DEFAULTS },
  ordered: [['minItems', 'maxItems']],
  read: 'learning.read',
  write: 'learning.write',
  // Lists already set stay; the progress counts what was set and held, not the rule.
  affects: [],
});

/** The rule in force for a tenant in a year. */
export async function learningRules(db: RulesDb, tenantId: number, year: number): Promise<LearningRules> {
  return rulesAt<LearningRules>(db, LEARNING_RULES.name, tenantId, year);
}
