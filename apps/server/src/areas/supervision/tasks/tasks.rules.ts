/**
 * The `tasks` rule set: when the reminders of a task go out before its due date and how many levels up the alert
 * climbs at each threshold (national defaults in the contracts; a county overrides them from a year on).
 */
import {
  TASK_RULE_DEFAULTS,
  TASK_RULE_LABELS,
  TASK_RULES_LABEL,
  type TaskRuleKey,
  type TaskRules,
} from '@dangjian/contracts';
import { Type } from '@sinclair/typebox';
import { chinaYear, defineRuleSet, type RuleSetDef, rulesAt, type RulesDb } from '../../../platform/rules.js';

const DAYS: TaskRuleKey[] = ['remindDays', 'escalateDays'];
const LEVELS: TaskRuleKey[] = ['remindLevels', 'escalateLevels', 'overdueLevels'];

/** The `tasks` rule set: days 1–60 (the escalation not before the first reminder), levels 0–3 each climbing. */
export const TASK_RULES = defineRuleSet<TaskRules>({
  name: 'tasks',
  label: TASK_RULES_LABEL,
  keys: Object.fromEntries([
    ...DAYS.map((k) => [k, { label: TASK_RULE_LABELS[k], schema: Type.Integer({ minimum: 1, maximum: 60 }) }]),
    ...LEVELS.map((k) => [k, { label: TASK_RULE_LABELS[k], schema: Type.Integer({ minimum: 0, maximum: 3 }) }]),
  ]) as unknown as RuleSetDef<TaskRules>['keys'],
  defaults: { ...TASK_RULE_DEFAULTS },
  ordered: [
    ['escalateDays', 'remindDays'],
    ['remindLevels', 'escalateLevels'],
    ['escalateLevels', 'overdueLevels'],
  ],
  read: 'tasks.read',
  write: 'tasks.issue',
  affects: ['tasks'],
});

/** The rules in force for a tenant in a year (by default the current year in China). */
export async function taskRules(db: RulesDb, tenantId: number, year = chinaYear(new Date())): Promise<TaskRules> {
  return rulesAt<TaskRules>(db, TASK_RULES.name, tenantId, year);
}
