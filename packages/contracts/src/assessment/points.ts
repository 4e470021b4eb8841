/**
 * The points module's contracts (area assessment): member points as an append-only ledger (积分制). Points come
 * from records (meetings attended, pledges fulfilled, wishes fulfilled, errands finished, dues paid on time,
 * visits to a paired household) by rules as data, and from manual entries with evidence approved branch →
 * township. A row's points never change: a correction is a reversing row. A branch publishes a month (公示);
 * before that a member may dispute an entry. Nothing is scored by clicks, log-ins, likes, shares or study time.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const POINTS_MODULE = 'points' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** The event types that earn points, each from the records of the module that holds it. */
export const POINT_EVENTS = {
  meeting_attended: l('参加组织生活', 'Attended a meeting'),
  pledge_fulfilled: l('践行承诺', 'Fulfilled a pledge'),
  wish_fulfilled: l('实现群众微心愿', 'Fulfilled a micro-wish'),
  errand_finished: l('党员代办办结', 'Finished an errand'),
  dues_on_time: l('按时交纳党费', 'Paid dues on time'),
  pairing_help: l('走访结对帮扶户', 'Visited a paired household'),
  manual: l('加减分（经审核）', 'Manual entry (approved)'),
} as const satisfies Record<string, Labelled>;
export type PointEvent = keyof typeof POINT_EVENTS;
/** The events harvested from records (all but the manual one). */
export const HARVESTED_EVENTS = [
  'meeting_attended',
  'pledge_fulfilled',
  'wish_fulfilled',
  'errand_finished',
  'dues_on_time',
  'pairing_help',
] as const satisfies readonly PointEvent[];
export type HarvestedEvent = (typeof HARVESTED_EVENTS)[number];

/**
 * Kinds of "activity" that must never earn points, with the reason: the 2026 rules against formalism at the
 * fingertips (指尖上的形式主义) forbid scoring members by log-ins, clicks, views, likes, shares, study time and
 * app check-ins. The rules refuse them by name.
 */
const FINGERTIPS = l(
  '属于“指尖上的形式主义”：2026年整治规定禁止以登录、点击、浏览、点赞、转发、学习时长、打卡等计分排名',
  'Formalism at the fingertips: the 2026 rules forbid scoring by log-ins, clicks, views, likes, shares, ' +
    'study time or check-ins',
);
export const FORBIDDEN_POINT_EVENTS = {
  login: { label: l('登录', 'Log-in'), reason: FINGERTIPS },
  click: { label: l('点击', 'Click'), reason: FINGERTIPS },
  view: { label: l('浏览', 'View'), reason: FINGERTIPS },
  like: { label: l('点赞', 'Like'), reason: FINGERTIPS },
  share: { label: l('转发分享', 'Share'), reason: FINGERTIPS },
  comment: { label: l('评论留言', 'Comment'), reason: FINGERTIPS },
  study_time: { label: l('学习时长', 'Study time'), reason: FINGERTIPS },
  check_in_app: { label: l('App打卡', 'App check-in'), reason: FINGERTIPS },
  online_time: { label: l('在线时长', 'Time online'), reason: FINGERTIPS },
  answer_quiz: { label: l('线上答题刷分', 'Online quiz scores'), reason: FINGERTIPS },
  download: { label: l('下载安装App', 'App downloads'), reason: FINGERTIPS },
} as const satisfies Record<string, { label: Labelled; reason: Labelled }>;

/** The kinds of a manual entry (加减分 with evidence). */
export const MANUAL_KINDS = {
  vanguard: l('党员先锋岗', 'Vanguard post'),
  volunteer: l('志愿服务', 'Volunteer service'),
  emergency: l('急难险重任务', 'Emergency work'),
  commended: l('受到表彰', 'Commended'),
  deduction: l('违反纪律扣分', 'Deduction for a breach'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type ManualKind = keyof typeof MANUAL_KINDS;

/** States of a ledger row: harvested rows and reversals are `approved` at once; a manual one moves. */
export const POINT_STATUSES = {
  submitted: l('待支部审核', 'Awaiting the branch'),
  branch_approved: l('待乡镇审核', 'Awaiting the township'),
  approved: l('已计入', 'Counted'),
  rejected: l('已退回', 'Rejected'),
} as const satisfies Record<string, Labelled>;
export type PointStatus = keyof typeof POINT_STATUSES;

/** States of a dispute. */
export const DISPUTE_STATUSES = {
  open: l('待答复', 'Awaiting an answer'),
  upheld: l('异议成立（已冲正）', 'Upheld (reversed)'),
  rejected: l('异议不成立', 'Rejected'),
} as const satisfies Record<string, Labelled>;
export type DisputeStatus = keyof typeof DISPUTE_STATUSES;

type EventPoints = Record<HarvestedEvent, number>;
/** The `points` rule set: points per event, caps per month and year (0 = no cap), the dues day, manual limit. */
export interface PointsRules extends Record<string, unknown> {
  points: EventPoints;
  monthCap: EventPoints;
  yearCap: EventPoints;
  duesDueDay: number;
  manualMax: number;
}
export const POINTS_RULE_DEFAULTS: PointsRules = {
  points: {
    meeting_attended: 2,
    pledge_fulfilled: 10,
    wish_fulfilled: 5,
    errand_finished: 3,
    dues_on_time: 1,
    pairing_help: 2,
  },
  monthCap: {
    meeting_attended: 10,
    pledge_fulfilled: 0,
    wish_fulfilled: 15,
    errand_finished: 15,
    dues_on_time: 1,
    pairing_help: 8,
  },
  yearCap: {
    meeting_attended: 0,
    pledge_fulfilled: 30,
    wish_fulfilled: 60,
    errand_finished: 60,
    dues_on_time: 12,
    pairing_help: 48,
  },
  duesDueDay: 25,
  manualMax: 20,
};
export const POINTS_RULE_LABELS: Record<keyof PointsRules & string, Labelled> = {
  points: l('各类事项积分（分/次）', 'Points per event'),
  monthCap: l('每月上限（分，0为不设上限）', 'Monthly cap (0: none)'),
  yearCap: l('每年上限（分，0为不设上限）', 'Yearly cap (0: none)'),
  duesDueDay: l('党费按时交纳截止日（每月几日）', 'Dues are on time by this day of the month'),
  manualMax: l('单次加减分最多（分）', 'Largest manual entry'),
};
export const POINTS_RULE_SET_LABEL = l('党员积分规则', 'Member points: the rules');

/**
 * Refuses a configuration that scores a forbidden kind (by name) or an unknown one: the first offending key
 * with its code, or null. Used by the rule set's check (every key of points, monthCap and yearCap).
 */
export function refusedPointsConfig(
  values: Partial<PointsRules>,
): { key: string; code: 'points.forbidden_event' | 'points.unknown_event'; event: string; reason?: Labelled } | null {
  for (const key of ['points', 'monthCap', 'yearCap'] as const) {
    const v = values[key] as Record<string, unknown> | undefined;
    if (!v || typeof v !== 'object') continue;
    for (const event of Object.keys(v)) {
      if (Object.hasOwn(FORBIDDEN_POINT_EVENTS, event))
        return {
          key,
          code: 'points.forbidden_event',
          event,
          reason: FORBIDDEN_POINT_EVENTS[event as keyof typeof FORBIDDEN_POINT_EVENTS].reason,
        };
      if (!(HARVESTED_EVENTS as readonly string[]).includes(event)) return { key, code: 'points.unknown_event', event };
    }
  }
  return null;
}

const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const Month = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', examples: ['2026-06'], ...labelled(zh, en) });
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Year = () => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') });

/** A dispute of an entry as the ledger shows it. */
export const PointDispute = Type.Object({
  id: Type.Integer(),
  status: KeyOf(DISPUTE_STATUSES),
  reason: Type.String(),
  answer: Nullable(Type.String()),
  createdAt: Type.String(),
  answeredAt: Nullable(Type.String()),
});
export type PointDisputeT = Static<typeof PointDispute>;

/** One ledger row. */
export const PointEntry = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  memberId: Type.Integer(),
  memberName: Type.String(),
  event: KeyOf(POINT_EVENTS),
  kind: Nullable(KeyOf(MANUAL_KINDS)),
  points: Type.Integer(),
  occurredOn: Type.String(),
  month: Type.String(),
  sourceRef: Type.String(),
  reversesId: Nullable(Type.Integer()),
  reversed: Type.Boolean({ description: 'a reversing entry of this one exists' }),
  note: Nullable(Type.String()),
  evidence: Nullable(Type.String()),
  status: KeyOf(POINT_STATUSES),
  rejectReason: Nullable(Type.String()),
  published: Type.Boolean({ description: 'its month is published for its branch (frozen)' }),
  dispute: Nullable(PointDispute),
  createdAt: Type.String(),
});
export type PointEntryT = Static<typeof PointEntry>;
export const PointList = ListOf(PointEntry);

/** An entry with its timeline and the moves the caller may make. */
export const PointDetail = Type.Composite([
  PointEntry,
  Type.Object({
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    canDispute: Type.Boolean(),
    canAnswer: Type.Boolean(),
  }),
]);
export type PointDetailT = Static<typeof PointDetail>;

export const PointListQuery = Type.Object({
  org: Type.Optional(Id()),
  member: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('党员', 'Member') })),
  year: Type.Optional(Year()),
  month: Type.Optional(Month('月份', 'Month')),
  event: Type.Optional(
    Type.Union(
      Object.keys(POINT_EVENTS).map((k) => Type.Literal(k)),
      labelled('积分事项', 'Event'),
    ) as unknown as ReturnType<typeof KeyOf<typeof POINT_EVENTS>>,
  ),
  status: Type.Optional(KeyOf(POINT_STATUSES)),
  /** Only entries with an open dispute. */
  disputed: Type.Optional(Type.Boolean(labelled('有待答复的异议', 'With an open dispute'))),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  ...Paging,
});
export type PointListQueryT = Static<typeof PointListQuery>;

/** A manual entry: the member, its kind, the points (negative for a deduction) and the evidence. */
export const PointManualCreate = Body({
  memberId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('党员', 'Member') }),
  kind: KeyOf(MANUAL_KINDS),
  points: Type.Integer({ minimum: -100, maximum: 100, ...labelled('分值', 'Points') }),
  occurredOn: Day('发生日期', 'Occurred on'),
  note: Words1(200, '事由', 'What for'),
  evidence: Type.Optional(Nullable(Words(1000, '佐证材料', 'Evidence'))),
});
export type PointManualCreateT = Static<typeof PointManualCreate>;

export const PointNote = Body({ note: Type.Optional(Nullable(Words(500, '审核意见', 'Remarks'))) });
export const PointReason = Body({ reason: Words1(500, '理由', 'Reason') });
export const PointDisputeCreate = Body({ reason: Words1(500, '异议理由', 'Reason of the dispute') });
export const PointDisputeAnswer = Body({
  upheld: Type.Boolean(labelled('异议是否成立', 'Upheld')),
  answer: Words1(500, '答复意见', 'Answer'),
});
export type PointDisputeAnswerT = Static<typeof PointDisputeAnswer>;

/** A branch publishes a month of its points (公示): frozen from then on. */
export const PointPublish = Body({
  orgId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('党支部', 'Branch') }),
  month: Month('公示月份', 'Month'),
});
export const PointMonthState = Type.Object({
  orgId: Type.Integer(),
  month: Type.String(),
  published: Type.Boolean(),
  publishedAt: Nullable(Type.String()),
  openDisputes: Type.Integer(),
});
export type PointMonthStateT = Static<typeof PointMonthState>;
export const PointMonthQuery = Type.Object({ org: Id(), month: Month('月份', 'Month') });

export const PointHarvestQuery = Type.Object({
  org: Type.Optional(Id()),
  month: Type.Optional(Month('月份', 'Month')),
});
export const PointHarvestResult = Type.Object({
  month: Nullable(Type.String()),
  added: Type.Integer(),
  reversed: Type.Integer(),
  byEvent: Type.Array(Type.Object({ event: KeyOf(POINT_EVENTS), added: Type.Integer() })),
});
export type PointHarvestResultT = Static<typeof PointHarvestResult>;

/** The ranking of a branch's (or a subtree's) members for a year or a month; caps applied. */
export const PointRankingQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Year(),
  month: Type.Optional(Month('月份', 'Month')),
  ...Paging,
});
export type PointRankingQueryT = Static<typeof PointRankingQuery>;
export const PointRankingRow = Type.Object({
  rank: Type.Integer(),
  memberId: Type.Integer(),
  name: Type.String(),
  orgName: Type.String(),
  points: Type.Integer(),
  entries: Type.Integer(),
});
export const PointRanking = ListOf(PointRankingRow);
export type PointRankingRowT = Static<typeof PointRankingRow>;

/** A member's own points this year, by month (the phone page). */
export const MyPoints = Type.Object({
  year: Type.Integer(),
  memberId: Nullable(Type.Integer()),
  total: Type.Integer(),
  rank: Nullable(Type.Integer()),
  branchSize: Type.Integer(),
  months: Type.Array(
    Type.Object({
      month: Type.String(),
      points: Type.Integer(),
      published: Type.Boolean(),
      entries: Type.Array(PointEntry),
    }),
  ),
});
export type MyPointsT = Static<typeof MyPoints>;
export const MyPointsQuery = Type.Object({ year: Type.Optional(Year()) });

/** `points.summary` of a subtree and year. */
export const PointsSummaryQuery = Type.Object({ org: Type.Optional(Id()), year: Year() });
export type PointsSummaryQueryT = Static<typeof PointsSummaryQuery>;
/** The buckets of the distribution of members' yearly totals (lower bounds, inclusive). */
export const POINT_BUCKETS = [0, 20, 40, 60, 80, 100] as const;
export const PointsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  members: Type.Integer({ description: 'members of the subtree (live, in the roster)' }),
  membersWithPoints: Type.Integer(),
  total: Type.Integer(),
  average: Type.Number({ description: 'total / members with points, 1 decimal' }),
  distribution: Type.Array(
    Type.Object({ from: Type.Integer(), to: Nullable(Type.Integer()), members: Type.Integer() }),
  ),
  byEvent: Type.Array(Type.Object({ event: KeyOf(POINT_EVENTS), points: Type.Integer(), entries: Type.Integer() })),
});
export type PointsSummaryT = Static<typeof PointsSummary>;

/**
 * The flow of a manual entry: the branch records it (submitted) → approves it (branch_approved) → the township
 * approves it (approved, counted) — or either rejects it with a reason. Harvested rows are counted at once.
 */
export const POINT_FLOW = defineFlowSpec({
  entityType: 'point_entry',
  label: l('党员加减分', 'Manual points'),
  states: POINT_STATUSES,
  actions: {
    submit: moveSpec('提交加减分', 'Submit', 'submitted', { from: [], to: 'submitted', by: ['points.write'] }),
    branch_approve: moveSpec('支部审核通过', 'Approve (branch)', 'branch_approved', {
      from: ['submitted'],
      to: 'branch_approved',
      by: ['points.write'],
    }),
    approve: moveSpec('乡镇审核通过', 'Approve (township)', 'approved', {
      from: ['branch_approved'],
      to: 'approved',
      by: ['points.approve'],
    }),
    reject: moveSpec('退回', 'Reject', 'rejected', {
      from: ['submitted', 'branch_approved'],
      to: 'rejected',
      by: ['points.write'],
      required: ['reason'],
    }),
  },
});
export type PointAction = keyof typeof POINT_FLOW.actions;
