/**
 * The `incomes` rule set: the class thresholds of a village's yearly collective income in fen (振兴 200万, 富裕
 * 100万, 小康 50万 元 by default, seed 004), editable on the one rules page from a year on.
 */
import {
  INCOMES_RULE_DEFAULTS,
  INCOMES_RULE_LABELS,
  INCOMES_RULE_SET_LABEL,
  type IncomesRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const Fen = Type.Integer({ minimum: 0, maximum: 2_000_000_000 });

/** The `incomes` rule set. */
export const INCOMES_RULES = defineRuleSet<IncomesRules>({
  name: 'incomes',
  label: INCOMES_RULE_SET_LABEL,
  keys: {
    revitalizedFen: { label: INCOMES_RULE_LABELS.revitalizedFen, schema: Fen },
    prosperousFen: { label: INCOMES_RULE_LABELS.prosperousFen, schema: Fen },
    comfortableFen: { label: INCOMES_RULE_LABELS.comfortableFen, schema: Fen },
  },
  defaults: { ...INCOMES_RULE_DEFAULTS },
  ordered: [
    ['comfortableFen', 'prosperousFen'],
    ['prosperousFen', 'revitalizedFen'],
  ],
  read: 'incomes.read',
  write: 'incomes.review',
  // The classes are computed when read, from the rules of their year.
  affects: ['incomes'],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function incomesRules(db: RulesDb, tenantId: number, year = chinaYear(new Date())): Promise<IncomesRules> {
  return rulesAt<IncomesRules>(db, INCOMES_RULES.name, tenantId, year);
}
