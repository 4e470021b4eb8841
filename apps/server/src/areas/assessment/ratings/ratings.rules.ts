/**
 * The rules of star ratings in force for a county: the `ratings` rule set (`platform/rules.ts`) — the objection window
 * (公示期, 5 days), the stars that are commended (≥ 4) and reminded (≤ 2), and the days a reminded organization has to
 * rectify — defaults from the contracts that a county overrides from a year on through the one rules page. A result is
 * judged by the rules of its own year.
 */
import {
  RATINGS_RULE_DEFAULTS,
  RATINGS_RULE_LABELS,
  RATINGS_RULE_SET_LABEL,
  type RatingsRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const Stars = () => Type.Integer({ minimum: 0, maximum: 10 });

/** The `ratings` rule set. */
export const RATINGS_RULES = defineRuleSet<RatingsRules>({
  name: 'ratings',
  label: RATINGS_RULE_SET_LABEL,
  keys: {
    objectionDays: { label: RATINGS_RULE_LABELS.objectionDays, schema: Type.Integer({ minimum: 1, maximum: 60 }) },
    commendMinStars: { label: RATINGS_RULE_LABELS.commendMinStars, schema: Stars() },
    remindMaxStars: { label: RATINGS_RULE_LABELS.remindMaxStars, schema: Stars() },
    rectifyDays: { label: RATINGS_RULE_LABELS.rectifyDays, schema: Type.Integer({ minimum: 1, maximum: 365 }) },
  },
  defaults: { ...RATINGS_RULE_DEFAULTS },
  // Reminded stars lie below the commended ones.
  ordered: [['remindMaxStars', 'commendMinStars']],
  read: 'ratings.read',
  write: 'ratings.schemes',
  // Results already final keep their outcome; the figures count outcomes, so none follows the rule.
  affects: [],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function ratingsRules(db: RulesDb, tenantId: number, year = chinaYear(new Date())): Promise<RatingsRules> {
  return rulesAt<RatingsRules>(db, RATINGS_RULES.name, tenantId, year);
}
