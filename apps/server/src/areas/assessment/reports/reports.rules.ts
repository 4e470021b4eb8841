/**
 * The grading rule of secretaries' annual reports: the `reports` rule set (weights of the committee, the panel
 * members and the residents; each grade's score; the thresholds of the final grade), editable on the one rules
 * page from a year on. A report is graded by the rule of its round's year.
 */
import {
  REPORTS_RULE_DEFAULTS,
  REPORTS_RULE_LABELS,
  REPORTS_RULE_SET_LABEL,
  type ReportsRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const pct = { schema: Type.Number({ minimum: 0, maximum: 100 }) };

/** The `reports` rule set. */
export const REPORTS_RULES = defineRuleSet<ReportsRules>({
  name: 'reports',
  label: REPORTS_RULE_SET_LABEL,
  keys: Object.fromEntries(
    Object.keys(REPORTS_RULE_DEFAULTS).map((k) => [k, { label: REPORTS_RULE_LABELS[k as keyof ReportsRules], ...pct }]),
  ) as never,
  defaults: { ...REPORTS_RULE_DEFAULTS },
  read: 'reports.read',
  write: 'reports.grade',
  // A report keeps the grade it was given; only reports graded after the change follow the new rule.
  affects: [],
});

/** The rule in force for a tenant in a year. */
export async function reportsRules(db: RulesDb, tenantId: number, year: number): Promise<ReportsRules> {
  return rulesAt<ReportsRules>(db, REPORTS_RULES.name, tenantId, year);
}
