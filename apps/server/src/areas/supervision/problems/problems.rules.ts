/**
 * The deadlines of problems in force for a county: the `problems` rule set (`platform/rules.ts`) — days to fix per
 * category, the warning before the due date, the months to the follow-up check — defaults from the contracts that a
 * county overrides from a year on, through the generic rules routes and the one rules page.
 */
import { PROBLEM_RULE_DEFAULTS, PROBLEM_RULE_LABELS, type ProblemRules, RULE_SET_LABELS } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const Days = () => Type.Integer({ minimum: 1, maximum: 365 });

/** The `problems` rule set. */
export const PROBLEM_RULES = defineRuleSet<ProblemRules>({
  name: 'problems',
  label: RULE_SET_LABELS.problems,
  keys: {
    dueDays: {
      label: PROBLEM_RULE_LABELS.dueDays,
      schema: Type.Object(
        { organization: Days(), conduct: Days(), service: Days(), key_work: Days() },
        { additionalProperties: false },
      ),
    },
    otherDueDays: { label: PROBLEM_RULE_LABELS.otherDueDays, schema: Days() },
    warnDays: { label: PROBLEM_RULE_LABELS.warnDays, schema: Type.Integer({ minimum: 1, maximum: 60 }) },
    followUpMonths: { label: PROBLEM_RULE_LABELS.followUpMonths, schema: Type.Integer({ minimum: 1, maximum: 24 }) },
  },
  defaults: { ...PROBLEM_RULE_DEFAULTS, dueDays: { ...PROBLEM_RULE_DEFAULTS.dueDays } },
  fieldLabels: {
    organization: { zh: '组织建设', en: 'Organization building' },
    conduct: { zh: '作风纪律', en: 'Conduct and discipline' },
    service: { zh: '服务群众', en: 'Service to residents' },
    key_work: { zh: '重点工作', en: 'Key work' },
  },
  read: 'problems.read',
  write: 'problems.rules',
  // Overdue and follow-up dates shown by the figures follow these rules.
  affects: ['problems'],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function problemRules(db: RulesDb, tenantId: number, year = chinaYear(new Date())): Promise<ProblemRules> {
  return rulesAt<ProblemRules>(db, PROBLEM_RULES.name, tenantId, year);
}

/** Days to fix a problem of a category under the rules. */
export function dueDaysOf(rules: ProblemRules, category: string): number {
  return (rules.dueDays as Record<string, number>)[category] ?? rules.otherDueDays;
}
