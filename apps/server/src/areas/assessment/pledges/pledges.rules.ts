/**
 * The pledges rule set: the evaluation window after a fulfilment is accepted and the yearly limit of a member's
 * pledges (defaults in the contracts), editable on the one rules page from a year on.
 */
import {
  PLEDGES_RULE_DEFAULTS,
  PLEDGES_RULE_LABELS,
  PLEDGES_RULE_SET_LABEL,
  type PledgesRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

/** The `pledges` rule set. */
export const PLEDGES_RULES = defineRuleSet<PledgesRules>({
  name: 'pledges',
  label: PLEDGES_RULE_SET_LABEL,
  keys: {
    evaluationDays: { label: PLEDGES_RULE_LABELS.evaluationDays, schema: Type.Integer({ minimum: 1, maximum: 365 }) },
    maxPerMemberYear: {
      label: PLEDGES_RULE_LABELS.maxPerMemberYear,
      schema: Type.Integer({ minimum: 1, maximum: 50 }),
    },
  },
  defaults: { ...PLEDGES_RULE_DEFAULTS },
  read: 'pledges.read',
  write: 'pledges.review',
  // The window and the limit are read when a move is made; no figure follows them.
  affects: [],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function pledgesRules(db: RulesDb, tenantId: number, year = chinaYear(new Date())): Promise<PledgesRules> {
  return rulesAt<PledgesRules>(db, PLEDGES_RULES.name, tenantId, year);
}
