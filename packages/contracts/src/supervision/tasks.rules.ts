/** The tasks module's figure and rule set (contracts): 任务督办情况 and the escalation rules' defaults. */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { DateString, Id } from '../core/schemas.js';

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** 任务督办情况 (`tasks.summary`): tasks issued by a subtree, and its targets due in a period. */
export const TasksSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  from: { ...DateString('first day'), ...labelled('开始日期', 'From') },
  to: { ...DateString('last day'), ...labelled('结束日期', 'To') },
});
export type TasksSummaryQueryT = Static<typeof TasksSummaryQuery>;
const SummaryCounts = {
  targets: Type.Integer({ description: 'targets in the subtree of tasks due in the period' }),
  completed: Type.Integer(),
  overdue: Type.Integer({ description: 'past due, not done and not reported, as of the day' }),
  rate: Type.Number({ description: 'completed / targets, percent, one decimal' }),
};
export const TasksSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  day: Type.String({ description: 'the day overdue is counted on' }),
  issued: Type.Integer({ description: 'tasks issued by the subtree, due in the period' }),
  ...SummaryCounts,
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...SummaryCounts })),
  behind: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), overdue: Type.Integer() })),
});
export type TasksSummaryT = Static<typeof TasksSummary>;

/** The rule set `tasks`: when reminders go out and how far up the alert climbs. */
export const TASK_RULE_DEFAULTS = {
  remindDays: 10,
  escalateDays: 3,
  remindLevels: 0,
  escalateLevels: 1,
  overdueLevels: 2,
};
export type TaskRules = typeof TASK_RULE_DEFAULTS;
export type TaskRuleKey = keyof TaskRules;
export const TASK_RULES_LABEL = l('任务督办逐级预警', 'Tasks: reminders and escalation');
export const TASK_RULE_LABELS: Record<TaskRuleKey, Labelled> = {
  remindDays: l('截止前几天提醒（天）', 'First reminder, days before due'),
  escalateDays: l('截止前几天升级预警（天）', 'Escalation, days before due'),
  remindLevels: l('首次提醒上溯层级', 'First reminder: levels up'),
  escalateLevels: l('升级预警上溯层级', 'Escalation: levels up'),
  overdueLevels: l('逾期预警上溯层级', 'Overdue: levels up'),
};
/** The thresholds of the alert, in order: each is sent once per target. */
export const TASK_ALERTS = {
  remind: l('到期提醒', 'Reminder'),
  escalate: l('临期预警', 'Due soon'),
  overdue: l('逾期预警', 'Overdue'),
} as const satisfies Record<string, Labelled>;
export type TaskAlert = keyof typeof TASK_ALERTS;
