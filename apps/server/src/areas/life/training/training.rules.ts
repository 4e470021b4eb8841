/**
 * The `training` rule set: the hours a year required of members (32) and of secretaries and committee members (56),
 * and the hours each counted kind of organizational life gives per meeting attended (党课 2 h …; 0 counts nothing).
 * A county changes them from a year on through the one rules page; hours are judged by the rule of their year.
 */
import {
  TRAINING_RULE_DEFAULTS,
  TRAINING_RULE_LABELS,
  TRAINING_RULE_SET_LABEL,
  type TrainingRuleKey,
  type TrainingRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, rulesAt, type RulesDb } from '../../../platform/rules.js';

const hours = (key: TrainingRuleKey, max: number) => ({
  label: TRAINING_RULE_LABELS[key],
  schema: Type.Number({ minimum: 0, maximum: max, multipleOf: 0.5 }),
});

/** The `training` rule set. */
export const TRAINING_RULES = defineRuleSet<TrainingRules>({
  name: 'training',
  label: TRAINING_RULE_SET_LABEL,
  keys: {
    memberHours: hours('memberHours', 500),
    committeeHours: hours('committeeHours', 500),
    partyLectureHours: hours('partyLectureHours', 12),
    themeDayHours: hours('themeDayHours', 12),
    generalMeetingHours: hours('generalMeetingHours', 12),
    groupMeetingHours: hours('groupMeetingHours', 12),
    lifeMeetingHours: hours('lifeMeetingHours', 12),
  },
  defaults: { ...TRAINING_RULE_DEFAULTS },
  ordered: [['memberHours', 'committeeHours']],
  read: 'training.read',
  write: 'training.review',
  // The hours and the figure are computed from records under the rule of their year.
  affects: ['training'],
});

/** The rule in force for a tenant in a year (by default the current year in China). */
export async function trainingRules(
  db: RulesDb,
  tenantId: number,
  year = chinaYear(new Date()),
): Promise<TrainingRules> {
  return rulesAt<TrainingRules>(db, TRAINING_RULES.name, tenantId, year);
}
