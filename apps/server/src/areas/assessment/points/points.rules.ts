/**
 * The points rules in force for a county: the `points` rule set — points per event, caps per month and per year,
 * the dues day, the largest manual entry — defaults from the contracts that a county overrides from a year on
 * through the one rules page. The check refuses any forbidden kind (log-ins, clicks, likes, study time …) by name.
 */
import {
  HARVESTED_EVENTS,
  POINT_EVENTS,
  POINTS_RULE_DEFAULTS,
  POINTS_RULE_LABELS,
  POINTS_RULE_SET_LABEL,
  type PointsRules,
  refusedPointsConfig,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const perEvent = (max: number) =>
  // Extra properties pass the schema on purpose: the set's check names a forbidden kind with its reason.
  Type.Object(Object.fromEntries(HARVESTED_EVENTS.map((e) => [e, Type.Integer({ minimum: 0, maximum: max })])), {
    additionalProperties: true,
  });

/** The `points` rule set. */
export const POINTS_RULES = defineRuleSet<PointsRules>({
  name: 'points',
  label: POINTS_RULE_SET_LABEL,
  keys: {
    points: { label: POINTS_RULE_LABELS.points, schema: perEvent(100) },
    monthCap: { label: POINTS_RULE_LABELS.monthCap, schema: perEvent(1000) },
    yearCap: { label: POINTS_RULE_LABELS.yearCap, schema: perEvent(10000) },
    duesDueDay: { label: POINTS_RULE_LABELS.duesDueDay, schema: Type.Integer({ minimum: 1, maximum: 31 }) },
    manualMax: { label: POINTS_RULE_LABELS.manualMax, schema: Type.Integer({ minimum: 1, maximum: 100 }) },
  },
  defaults: {
    ...POINTS_RULE_DEFAULTS,
    points: { ...POINTS_RULE_DEFAULTS.points },
    monthCap: { ...POINTS_RULE_DEFAULTS.monthCap },
    yearCap: { ...POINTS_RULE_DEFAULTS.yearCap },
  },
  fieldLabels: Object.fromEntries(HARVESTED_EVENTS.map((e) => [e, POINT_EVENTS[e]])),
  check: (values) => {
    const refusal = refusedPointsConfig(values);
    return refusal
      ? { key: refusal.key, code: refusal.code, details: { event: refusal.event, reason: refusal.reason } }
      : null;
  },
  read: 'points.read',
  write: 'points.rules',
  // Rankings and figures apply the caps when they are read: they follow a change.
  affects: ['points'],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function pointsRules(db: RulesDb, tenantId: number, year = chinaYear(new Date())): Promise<PointsRules> {
  return rulesAt<PointsRules>(db, POINTS_RULES.name, tenantId, year);
}
