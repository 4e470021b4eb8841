/**
 * The tasks module's contracts (area supervision): plans and prompts down the tree (双周计划, 月提示, 专项任务). A county
 * or a township issues a task to organizations below it; each target reports with evidence, or is checked from the
 * platform's own records (a meeting held …); progress rolls up the tree and an alert climbs a level as the due
 * date nears and passes (rule set `tasks`).
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { ORG_FIELDS } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, DateString, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import { MEETING_KIND_LABELS } from '../life/meetings.js';

export * from './tasks.rules.js';

export const TASKS_MODULE = 'tasks' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Kinds of task. */
export const TASK_KINDS = {
  biweekly: l('双周计划', 'Biweekly plan'),
  monthly_prompt: l('月提示', 'Monthly prompt'),
  special: l('专项任务', 'Special task'),
} as const satisfies Record<string, Labelled>;
export type TaskKind = keyof typeof TASK_KINDS;

/** How a target counts as done: its own report with evidence, or a check of the platform's records. */
export const TASK_COMPLETIONS = {
  evidence: l('报送完成情况', 'Reported with evidence'),
  record: l('平台记录自动核验', 'Checked from the records'),
} as const satisfies Record<string, Labelled>;
export type TaskCompletion = keyof typeof TASK_COMPLETIONS;

/** States of a task. */
export const TASK_STATUSES = {
  draft: l('草稿', 'Draft'),
  issued: l('已下发', 'Issued'),
  closed: l('已结束', 'Closed'),
  withdrawn: l('已撤回', 'Withdrawn'),
} as const satisfies Record<string, Labelled>;
export type TaskStatus = keyof typeof TASK_STATUSES;

/** States of one receiving organization's part of a task (overdue is computed, never stored). */
export const TARGET_STATES = {
  pending: l('待完成', 'To do'),
  reported: l('已报送，待审核', 'Reported, to be accepted'),
  done: l('已完成', 'Done'),
  returned: l('已退回', 'Sent back'),
} as const satisfies Record<string, Labelled>;
export type TargetState = keyof typeof TARGET_STATES;

/** How the receiving organizations are chosen. */
export const TARGET_MODES = {
  field: l('按领域（全部下级）', 'By field, all below'),
  township: l('某一乡镇（街道）', 'One township'),
  list: l('指定党组织', 'A list of organizations'),
} as const satisfies Record<string, Labelled>;
export type TargetMode = keyof typeof TARGET_MODES;

/** The level of organization a field or township choice reaches. */
export const TARGET_LEVELS = {
  branch: l('党支部', 'Branches'),
  general_branch: l('党总支', 'General branches'),
  committee: l('党委', 'Party committees'),
} as const satisfies Record<string, Labelled>;
export type TargetLevel = keyof typeof TARGET_LEVELS;
/** The organization types of each level. */
export const TARGET_LEVEL_TYPES: Record<TargetLevel, readonly string[]> = {
  branch: ['branch', 'joint_branch'],
  general_branch: ['general_branch'],
  committee: ['committee'],
};

/** One parameter of a record check: its words and the kind of value it takes. */
export interface TaskCheckParam {
  label: Labelled;
  type: 'meetingKind' | 'count';
}
/** A record check: its words, what it reads, and its parameters. */
export interface TaskCheckDef extends Labelled {
  description: Labelled;
  params: Record<string, TaskCheckParam>;
}

/**
 * The catalogue of record checks: a target counts as done when the platform's records show it, between the task's
 * start and due dates, in the target organization itself.
 */
export const TASK_CHECKS = {
  meeting_held: {
    zh: '按期召开会议',
    en: 'A meeting held',
    description: l(
      '在任务开始日至截止日之间，本组织在平台登记召开了指定类型的会议（如主题党日）',
      'The organization recorded a meeting of the kind between the start and due dates',
    ),
    params: {
      meetingKind: { label: l('会议类型', 'Kind of meeting'), type: 'meetingKind' },
      minCount: { label: l('至少召开次数', 'At least'), type: 'count' },
    },
  },
} as const satisfies Record<string, TaskCheckDef>;
export type TaskCheckKey = keyof typeof TASK_CHECKS;

/** A record check's parameters (those of its catalogue entry). */
export const TaskCheckParams = Type.Object(
  {
    meetingKind: Type.Optional({ ...KeyOf(MEETING_KIND_LABELS), ...labelled('会议类型', 'Kind of meeting') }),
    minCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, ...labelled('至少召开次数', 'At least') })),
  },
  { additionalProperties: false, ...labelled('核验条件', 'Check parameters') },
);
export type TaskCheckParamsT = Static<typeof TaskCheckParams>;

/** How the targets of a task are chosen. */
export const TaskTargetSpec = Type.Object(
  {
    mode: { ...KeyOf(TARGET_MODES), ...labelled('选择方式', 'Chosen by') },
    field: Type.Optional(Nullable(KeyOf(ORG_FIELDS))),
    level: Type.Optional(KeyOf(TARGET_LEVELS)),
    townshipId: Type.Optional(Nullable({ ...Id(), ...labelled('乡镇（街道）', 'Township') })),
    orgIds: Type.Optional(
      Type.Array(Id(), { maxItems: 2000, uniqueItems: true, ...labelled('指定党组织', 'Organizations') }),
    ),
  },
  { additionalProperties: false, ...labelled('下发对象', 'Receiving organizations') },
);
export type TaskTargetSpecT = Static<typeof TaskTargetSpec>;

const Title = () => Type.String({ minLength: 1, maxLength: 100, ...labelled('任务名称', 'Title') });
const Content = () => Type.String({ maxLength: 4000, ...labelled('任务内容', 'Content') });
const StartOn = () => ({ ...DateString('start'), ...labelled('开始日期', 'Starts on') });
const DueOn = () => ({ ...DateString('due'), ...labelled('截止日期', 'Due on') });

/** Counts of targets: how many, done, reported and waiting, overdue, and the completion rate (0–100, one decimal). */
export const TargetCounts = {
  targets: Type.Integer(),
  done: Type.Integer(),
  reported: Type.Integer(),
  overdue: Type.Integer(),
  rate: Type.Number({ description: 'done / targets, percent, one decimal' }),
};

/** A task as its issuer sees it. */
export const TaskItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: KeyOf(TASK_KINDS),
  title: Type.String(),
  content: Nullable(Type.String()),
  startOn: Type.String(),
  dueOn: Type.String(),
  completion: KeyOf(TASK_COMPLETIONS),
  checkKey: Nullable(KeyOf(TASK_CHECKS)),
  checkParams: Nullable(TaskCheckParams),
  status: KeyOf(TASK_STATUSES),
  targetSpec: TaskTargetSpec,
  issuedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  pastDue: Type.Boolean({ description: 'issued and past its due date' }),
  ...TargetCounts,
  ...Stamps,
});
export type TaskItemT = Static<typeof TaskItem>;
export const TaskList = ListOf(TaskItem);

/** A photo of a target's report. */
export const TaskPhoto = Type.Object({
  id: Type.Integer(),
  mime: Type.String(),
  bytes: Type.Integer(),
  url: Type.String(),
});
export type TaskPhotoT = Static<typeof TaskPhoto>;

/** One receiving organization's part of a task. */
export const TaskTarget = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  state: KeyOf(TARGET_STATES),
  overdue: Type.Boolean(),
  reportText: Nullable(Type.String()),
  photos: Type.Array(TaskPhoto),
  reportedAt: Nullable(Type.String()),
  reportedByName: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  doneBy: Nullable(Type.String({ description: "who accepted it, or '平台记录核验' when checked from the records" })),
  returnReason: Nullable(Type.String()),
  checkedAt: Nullable(Type.String()),
  checkResult: Nullable(Type.String({ description: 'what the last record check found, in words' })),
  actions: AllowedActions,
});
export type TaskTargetT = Static<typeof TaskTarget>;

/** A task with its targets (those the caller may see), its timeline and the moves the caller may make. */
export const TaskDetail = Type.Composite([
  TaskItem,
  Type.Object({ targetList: Type.Array(TaskTarget), events: Type.Array(TimelineEvent), actions: AllowedActions }),
]);
export type TaskDetailT = Static<typeof TaskDetail>;

export const TaskListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(KeyOf(TASK_KINDS)),
  status: Type.Optional(KeyOf(TASK_STATUSES)),
  overdue: Type.Optional(Type.Boolean()),
  from: Type.Optional(DateString('due on or after')),
  to: Type.Optional(DateString('due on or before')),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type TaskListQueryT = Static<typeof TaskListQuery>;

/** One target in the receiving organization's inbox, with its task. */
export const TaskInboxItem = Type.Composite([
  Type.Omit(TaskTarget, ['actions']),
  Type.Object({
    title: Type.String(),
    kind: KeyOf(TASK_KINDS),
    content: Nullable(Type.String()),
    issuerName: Type.String(),
    startOn: Type.String(),
    dueOn: Type.String(),
    completion: KeyOf(TASK_COMPLETIONS),
    checkKey: Nullable(KeyOf(TASK_CHECKS)),
    checkParams: Nullable(TaskCheckParams),
    taskStatus: KeyOf(TASK_STATUSES),
    actions: AllowedActions,
  }),
]);
export type TaskInboxItemT = Static<typeof TaskInboxItem>;
export const TaskInbox = ListOf(TaskInboxItem);
export const TaskInboxQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(KeyOf(TASK_KINDS)),
  status: Type.Optional(KeyOf(TARGET_STATES)),
  overdue: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type TaskInboxQueryT = Static<typeof TaskInboxQuery>;

/** A new task (a draft) of an issuing organization of the caller's scope (its own, or one below it). */
export const TaskCreate = Body({
  orgId: { ...Id(), ...labelled('下发单位', 'Issued by') },
  kind: KeyOf(TASK_KINDS),
  title: Title(),
  content: Type.Optional(Nullable(Content())),
  startOn: StartOn(),
  dueOn: DueOn(),
  completion: { ...KeyOf(TASK_COMPLETIONS), ...labelled('完成方式', 'Counts as done') },
  checkKey: Type.Optional(Nullable({ ...KeyOf(TASK_CHECKS), ...labelled('核验项目', 'Record check') })),
  checkParams: Type.Optional(Nullable(TaskCheckParams)),
  targets: TaskTargetSpec,
});
export type TaskCreateT = Static<typeof TaskCreate>;
/** A change of a draft. */
export const TaskPatch = Type.Partial(Type.Omit(TaskCreate, ['orgId']), {
  additionalProperties: false,
  minProperties: 1,
});
export type TaskPatchT = Static<typeof TaskPatch>;

export const TaskTargetParams = Type.Object({ id: Id(), targetId: Id() });
export const TaskPhotoParams = Type.Object({ id: Id(), targetId: Id(), photoId: Id() });
/** A target's report: what was done, and the photos uploaded to it as evidence. */
export const TaskReport = Body({
  text: Type.String({ minLength: 1, maxLength: 2000, ...labelled('完成情况', 'What was done') }),
  photoIds: Type.Optional(
    Type.Array(Id(), { maxItems: 9, uniqueItems: true, ...labelled('佐证照片', 'Evidence photos') }),
  ),
});
export type TaskReportT = Static<typeof TaskReport>;
export const TaskReason = Body({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
export const TaskNote = Body({ note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) });

/** The roll-up of a task below one organization: each child's counts, and the total. */
export const TaskProgressQuery = Type.Object({ org: Type.Optional(Id()) });
export const TaskProgress = Type.Object({
  taskId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  total: Type.Object(TargetCounts),
  rows: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      /** Whether the organization has organizations below it holding targets (the tree opens it). */
      hasChildren: Type.Boolean(),
      ...TargetCounts,
    }),
  ),
});
export type TaskProgressT = Static<typeof TaskProgress>;

/** The organizations a task may target: the target chooser's picker (the issuer's subtree, by name). */
export const TaskOrgOptions = ListOf(
  Type.Object({ id: Type.Integer(), name: Type.String(), type: Type.String(), field: Nullable(Type.String()) }),
);
export const TaskOrgOptionsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  level: Type.Optional(KeyOf(TARGET_LEVELS)),
});

/** The flow of a task: a draft is issued, then closed; an issued task may be withdrawn. */
export const TASK_FLOW = defineFlowSpec({
  entityType: 'task',
  label: l('任务', 'Task'),
  states: TASK_STATUSES,
  actions: {
    create: moveSpec('拟定', 'Draft', 'drafted', { from: [], to: 'draft', by: ['tasks.issue'] }),
    issue: moveSpec('下发', 'Issue', 'issued', { from: ['draft'], to: 'issued', by: ['tasks.issue'] }),
    withdraw: moveSpec('撤回', 'Withdraw', 'withdrawn', {
      from: ['issued'],
      to: 'withdrawn',
      by: ['tasks.issue'],
      required: ['reason'],
    }),
    close: moveSpec('结束任务', 'Close', 'closed', { from: ['issued'], to: 'closed', by: ['tasks.issue'] }),
  },
});
export type TaskAction = keyof typeof TASK_FLOW.actions;

/**
 * The flow of one target: the receiving organization reports (evidence tasks), the issuer accepts it or sends it
 * back with a reason, and a record check marks it done by itself.
 */
export const TARGET_FLOW = defineFlowSpec({
  entityType: 'task_target',
  label: l('任务完成情况', "A task's target"),
  states: TARGET_STATES,
  actions: {
    report: moveSpec('报送完成情况', 'Report', 'reported', {
      from: ['pending', 'returned'],
      to: 'reported',
      by: ['tasks.report'],
      required: ['text'],
      notBy: l('由承办党组织报送', 'The receiving organization reports'),
    }),
    accept: moveSpec('审核通过', 'Accept', 'accepted', {
      from: ['reported'],
      to: 'done',
      by: ['tasks.issue'],
      notBy: l('由下发任务的党组织审核', 'The issuing organization accepts'),
    }),
    return: moveSpec('退回', 'Send back', 'returned', {
      from: ['reported'],
      to: 'returned',
      by: ['tasks.issue'],
      required: ['reason'],
      notBy: l('由下发任务的党组织审核', 'The issuing organization sends back'),
    }),
    check: moveSpec('平台记录核验完成', 'Checked from the records', 'checked', {
      from: ['pending', 'returned', 'reported'],
      to: 'done',
      by: ['system'],
    }),
  },
});
export type TargetAction = keyof typeof TARGET_FLOW.actions;
