/**
 * The `elections` rule set: the targets the election analytics flag (一肩挑 ≥ 85% from seed 000, 交叉任职, the four
 * kinds, women, education, the average age), defaults from the contracts, editable on the one rules page.
 */
import {
  ELECTIONS_RULE_DEFAULTS,
  ELECTIONS_RULE_LABELS,
  ELECTIONS_RULE_SET_LABEL,
  type ElectionsRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const pct = { schema: Type.Number({ minimum: 0, maximum: 100 }) };

/** The `elections` rule set: percents and a number of years. */
export const ELECTIONS_RULES = defineRuleSet<ElectionsRules>({
  name: 'elections',
  label: ELECTIONS_RULE_SET_LABEL,
  keys: {
    oneShoulderTargetPct: { label: ELECTIONS_RULE_LABELS.oneShoulderTargetPct, ...pct },
    crossTargetPct: { label: ELECTIONS_RULE_LABELS.crossTargetPct, ...pct },
    fourKindsTargetPct: { label: ELECTIONS_RULE_LABELS.fourKindsTargetPct, ...pct },
    womenTargetPct: { label: ELECTIONS_RULE_LABELS.womenTargetPct, ...pct },
    highSchoolTargetPct: { label: ELECTIONS_RULE_LABELS.highSchoolTargetPct, ...pct },
    averageAgeMax: {
      label: ELECTIONS_RULE_LABELS.averageAgeMax,
      schema: Type.Number({ minimum: 18, maximum: 80 }),
    },
  },
  defaults: { ...ELECTIONS_RULE_DEFAULTS },
  read: 'cadres.read',
  write: 'cadres.acknowledge',
  // The analytics' flags read the targets: a change recomputes them.
  affects: ['cadres'],
});

/** The rule in force for a tenant in a year (by default the current year in China). */
export async function electionsRules(
  db: RulesDb,
  tenantId: number,
  year = chinaYear(new Date()),
): Promise<ElectionsRules> {
  return rulesAt<ElectionsRules>(db, ELECTIONS_RULES.name, tenantId, year);
}
