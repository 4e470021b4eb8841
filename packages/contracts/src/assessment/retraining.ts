/**
 * The retraining module's contracts (area assessment): retraining of incompetent cadres (淬火整训). The township or
 * the county suspends a village cadre for its reasons (停职), the cadre attends retraining classes (recorded by the
 * organizer, never clicked by the cadre), takes a test and gets a written assessment; then the cadre is reinstated
 * (复职) if the test is passed, or removed (组织调整、劝退) with the reason and who decided. The reasons, posts, the
 * pass mark, the hours needed and the retraining period are data here.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const RETRAINING_MODULE = 'retraining' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** The post a village cadre holds (村“两委”职务). */
export const CADRE_POSTS = {
  secretary: l('村（社区）党组织书记', 'Secretary'),
  deputy_secretary: l('党组织副书记', 'Deputy secretary'),
  committee: l('党组织委员', 'Committee member'),
  director: l('村（居）委会主任', 'Director of the village committee'),
  deputy_director: l('村（居）委会副主任', 'Deputy director'),
  village_member: l('村（居）委会委员', 'Village committee member'),
  other: l('其他村干部', 'Other cadre'),
} as const satisfies Record<string, Labelled>;
export type CadrePost = keyof typeof CADRE_POSTS;

/** Why a cadre is suspended (不称职的表现; several may apply). */
export const SUSPENSION_REASONS = {
  inaction: l('不作为', 'Inaction'),
  slow: l('慢作为', 'Slow action'),
  ability: l('能力不足', 'Not able enough'),
  satisfaction: l('群众满意度低', 'Low satisfaction of residents'),
  assessment: l('年度考评差（不称职）', 'Poor annual assessment'),
  discipline: l('纪律作风松散', 'Lax discipline'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type SuspensionReason = keyof typeof SUSPENSION_REASONS;

/** Who suspended the cadre and decides. */
export const RETRAINING_DECIDERS = {
  township: l('乡镇党委', 'Township committee'),
  county: l('县委组织部', 'County organization department'),
} as const satisfies Record<string, Labelled>;
export type RetrainingDecider = keyof typeof RETRAINING_DECIDERS;

/** States of a retraining file. */
export const RETRAINING_STATUSES = {
  suspended: l('已停职，待整训', 'Suspended'),
  training: l('整训中', 'In retraining'),
  tested: l('已测试，待决定', 'Tested, to decide'),
  reinstated: l('已复职', 'Reinstated'),
  removed: l('已调整（免职、劝退）', 'Removed'),
} as const satisfies Record<string, Labelled>;
export type RetrainingStatus = keyof typeof RETRAINING_STATUSES;
/** States of a file still open (one open file per cadre at a time). */
export const RETRAINING_OPEN_STATUSES = ['suspended', 'training', 'tested'] as const;

/** The retraining rule (the `retraining` rule set): the period, the hours needed before the test, the pass mark. */
export const RETRAINING_RULE_DEFAULTS = {
  /** Months from the suspension by which a decision is due. */
  periodMonths: 3,
  /** Class hours attended before the test may be taken. */
  minHours: 24,
  /** The test score (0–100) that passes. */
  passScore: 60,
} as const;
export type RetrainingRuleKey = keyof typeof RETRAINING_RULE_DEFAULTS;
export type RetrainingRules = { [K in RetrainingRuleKey]: number };
export const RETRAINING_RULE_LABELS: Record<RetrainingRuleKey, Labelled> = {
  periodMonths: l('整训期限（月）', 'Retraining period (months)'),
  minHours: l('参加测试所需整训课时（小时）', 'Class hours before the test'),
  passScore: l('测试合格分（分）', 'Pass mark of the test'),
};
export const RETRAINING_RULE_SET_LABEL = l('淬火整训标准', 'Retraining of cadres: the rule');

/** A choice among an enum's keys, with its name in words (the form's label of a refusal). */
const Choice = <T extends Record<string, unknown>>(map: T, zh: string, en: string) =>
  Type.Union(
    Object.keys(map).map((k) => Type.Literal(k)),
    labelled(zh, en),
  ) as unknown as ReturnType<typeof KeyOf<T>>;

const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });

/** One retraining class the cadre was expected at: recorded by the organizer (present or absent). */
export const RetrainingClass = Type.Object({
  id: Type.Integer(),
  heldOn: Type.String(),
  topic: Type.String(),
  hours: Type.Number(),
  present: Type.Boolean(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type RetrainingClassT = Static<typeof RetrainingClass>;

/** A retraining file as a list row (no ID number, no phone). */
export const RetrainingItem = Type.Object({
  id: Type.Integer(),
  memberId: Type.Integer(),
  cadreName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  year: Type.Integer(),
  post: KeyOf(CADRE_POSTS),
  postText: Nullable(Type.String()),
  status: KeyOf(RETRAINING_STATUSES),
  reasons: Type.Array(KeyOf(SUSPENSION_REASONS)),
  reasonText: Nullable(Type.String()),
  evidence: Type.String(),
  suspendedBy: KeyOf(RETRAINING_DECIDERS),
  suspendedOn: Type.String(),
  dueOn: Type.String({ description: 'the suspension plus the retraining period: a decision is due by then' }),
  overdue: Type.Boolean({ description: 'open after its due day' }),
  hoursAttended: Type.Number(),
  classesAttended: Type.Integer(),
  classesMissed: Type.Integer(),
  testedOn: Nullable(Type.String()),
  testScore: Nullable(Type.Number()),
  testPassed: Nullable(Type.Boolean()),
  assessment: Nullable(Type.String()),
  decidedOn: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  ...Stamps,
});
export type RetrainingItemT = Static<typeof RetrainingItem>;

/** A file with its classes, its timeline and the moves the caller may make. */
export const RetrainingDetail = Type.Composite([
  RetrainingItem,
  Type.Object({
    classes: Type.Array(RetrainingClass),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    /** Whether the caller may change the file and record classes and the test now. */
    canEdit: Type.Boolean(),
    /** The rule in force for the file's year (the pass mark, the hours needed). */
    rules: Type.Object({ periodMonths: Type.Number(), minHours: Type.Number(), passScore: Type.Number() }),
  }),
]);
export type RetrainingDetailT = Static<typeof RetrainingDetail>;
export const RetrainingList = ListOf(RetrainingItem);

export const RetrainingListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(KeyOf(RETRAINING_STATUSES)),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
  township: Type.Optional(Id()),
  reason: Type.Optional(KeyOf(SUSPENSION_REASONS)),
  post: Type.Optional(Choice(CADRE_POSTS, '职务', 'Post')),
  overdue: Type.Optional(Type.Boolean()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type RetrainingListQueryT = Static<typeof RetrainingListQuery>;

const Reasons = Type.Array(KeyOf(SUSPENSION_REASONS), {
  maxItems: 7,
  uniqueItems: true,
  ...labelled('停职原因', 'Reasons'),
});

/** The township or county suspends a cadre (a member of a village organization) with reasons and evidence. */
export const RetrainingCreate = Body({
  memberId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('村干部', 'Cadre') }),
  post: Choice(CADRE_POSTS, '职务', 'Post'),
  postText: Type.Optional(Nullable(Words(40, '职务说明', 'Post in words'))),
  reasons: Reasons,
  reasonText: Type.Optional(Nullable(Words(500, '具体表现', 'In words'))),
  evidence: Words1(2000, '事实依据', 'Evidence'),
  suspendedOn: Type.Optional(Day('停职日期', 'Suspended on')),
});
export type RetrainingCreateT = Static<typeof RetrainingCreate>;

/** Changes the post, reasons and evidence of an open file. */
export const RetrainingUpdate = Body({
  post: Type.Optional(Choice(CADRE_POSTS, '职务', 'Post')),
  postText: Type.Optional(Nullable(Words(40, '职务说明', 'Post in words'))),
  reasons: Type.Optional(Reasons),
  reasonText: Type.Optional(Nullable(Words(500, '具体表现', 'In words'))),
  evidence: Type.Optional(Words1(2000, '事实依据', 'Evidence')),
});
export type RetrainingUpdateT = Static<typeof RetrainingUpdate>;

/** A class of the retraining, as the organizer records it. */
export const RetrainingClassCreate = Body({
  heldOn: Day('上课日期', 'Held on'),
  topic: Words1(100, '课程内容', 'Topic'),
  hours: Type.Number({ minimum: 0.5, maximum: 12, multipleOf: 0.5, ...labelled('课时（小时）', 'Hours') }),
  present: Type.Boolean(labelled('是否出勤', 'Present')),
  note: Type.Optional(Nullable(Words(200, '备注', 'Note'))),
});
export type RetrainingClassCreateT = Static<typeof RetrainingClassCreate>;

/** The test at the end of the retraining and the written assessment (鉴定). */
export const RetrainingTest = Body({
  testedOn: Day('测试日期', 'Tested on'),
  score: Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.5, ...labelled('测试成绩', 'Score') }),
  assessment: Words1(2000, '整训鉴定', 'Written assessment'),
});
export type RetrainingTestT = Static<typeof RetrainingTest>;

export const RetrainingNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
/** The decision: who decided (a meeting, a body) and why. */
export const RetrainingDecision = Body({
  decidedBy: Words1(60, '决定机关（会议）', 'Decided by'),
  reason: Words1(500, '决定理由', 'Reason'),
});
export type RetrainingDecisionT = Static<typeof RetrainingDecision>;

/**
 * The flow of a file: suspended → training once the classes start → tested when the test is recorded → reinstated
 * (the test passed) or removed (at any open step, with a reason); a failed test may send the cadre back to training.
 */
export const RETRAINING_FLOW = defineFlowSpec({
  entityType: 'retraining',
  label: l('淬火整训', 'Retraining of a cadre'),
  states: RETRAINING_STATUSES,
  actions: {
    suspend: moveSpec('停职整训', 'Suspend', 'suspended', { from: [], to: 'suspended', by: ['retraining.write'] }),
    start: moveSpec('开始整训', 'Start the retraining', 'started', {
      from: ['suspended'],
      to: 'training',
      by: ['retraining.write'],
    }),
    test: moveSpec('录入测试', 'Record the test', 'tested', {
      from: ['training'],
      to: 'tested',
      by: ['retraining.write'],
    }),
    retest: moveSpec('继续整训（重新测试）', 'Back to retraining', 'retrained', {
      from: ['tested'],
      to: 'training',
      by: ['retraining.write'],
    }),
    reinstate: moveSpec('复职', 'Reinstate', 'reinstated', {
      from: ['tested'],
      to: 'reinstated',
      by: ['retraining.write'],
      required: ['decidedBy', 'reason'],
    }),
    remove: moveSpec('组织调整（免职、劝退）', 'Remove', 'removed', {
      from: ['suspended', 'training', 'tested'],
      to: 'removed',
      by: ['retraining.write'],
      required: ['decidedBy', 'reason'],
    }),
  },
});
export type RetrainingAction = keyof typeof RETRAINING_FLOW.actions;
/** The timeline word of a class recorded (not a move: the state stays). */
export const RETRAINING_CLASS_EVENT = { kind: 'class', label: l('整训课程', 'Class') } as const;

/** 淬火整训情况 of a subtree and year: its query and answer. */
export const RetrainingSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') }),
});
export type RetrainingSummaryQueryT = Static<typeof RetrainingSummaryQuery>;
const SummaryCounts = {
  suspended: Type.Integer({ description: 'cadres suspended in the year' }),
  inRetraining: Type.Integer({ description: 'files open at the end of the year (or today)' }),
  reinstated: Type.Integer({ description: 'cadres reinstated in the year' }),
  removed: Type.Integer({ description: 'cadres removed in the year' }),
};
export const RetrainingSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  ...SummaryCounts,
  hours: Type.Number({ description: 'class hours attended in the year' }),
  byReason: Type.Array(Type.Object({ reason: KeyOf(SUSPENSION_REASONS), count: Type.Integer() })),
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...SummaryCounts })),
});
export type RetrainingSummaryT = Static<typeof RetrainingSummary>;
