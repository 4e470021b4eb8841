/**
 * The `funds` rule set: the yearly floors of a village's funds and its secretary's pay in fen (seed 001: operating
 * funds 12.4万, service funds 1万, a first secretary's work funds 1万, a secretary's pay 14,700 元), editable on
 * the one rules page from a year on.
 */
import { FUNDS_RULE_DEFAULTS, FUNDS_RULE_LABELS, FUNDS_RULE_SET_LABEL, type FundsRules } from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const Fen = Type.Integer({ minimum: 0, maximum: 2_000_000_000 });

/** The `funds` rule set. */
export const FUNDS_RULES = defineRuleSet<FundsRules>({
  name: 'funds',
  label: FUNDS_RULE_SET_LABEL,
  keys: {
    operatingFloorFen: { label: FUNDS_RULE_LABELS.operatingFloorFen, schema: Fen },
    serviceFloorFen: { label: FUNDS_RULE_LABELS.serviceFloorFen, schema: Fen },
    firstSecretaryWorkFloorFen: { label: FUNDS_RULE_LABELS.firstSecretaryWorkFloorFen, schema: Fen },
    secretaryPayFloorFen: { label: FUNDS_RULE_LABELS.secretaryPayFloorFen, schema: Fen },
  },
  defaults: { ...FUNDS_RULE_DEFAULTS },
  read: 'funds.read',
  write: 'funds.write',
  // Who is below a floor is computed when read, by the rules of the year.
  affects: ['funds'],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function fundsRules(db: RulesDb, tenantId: number, year = chinaYear(new Date())): Promise<FundsRules> {
  return rulesAt<FundsRules>(db, FUNDS_RULES.name, tenantId, year);
}
