/**
 * The pledges module's contracts (area assessment): pledges of members and organizations (承诺践诺, 为民办实事).
 * A member (or a branch, for its organization's practical things for residents) makes a pledge for a year (定诺),
 * the branch reviews it (审诺; an organization's pledge by a higher organization), it is published (晒诺), fulfilled
 * with evidence and accepted (践诺), then evaluated by members and residents (评诺) until the branch closes the
 * window. Categories, the evaluation window and the yearly limit are data here.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const PLEDGES_MODULE = 'pledges' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Whose pledge: a member's, or an organization's to do practical things for residents (为民办实事). */
export const PLEDGE_KINDS = {
  member: l('党员承诺', "A member's pledge"),
  org: l('为民办实事（组织承诺）', "An organization's pledge"),
} as const satisfies Record<string, Labelled>;
export type PledgeKind = keyof typeof PLEDGE_KINDS;

/** Categories of a pledge (seed 004). */
export const PLEDGE_CATEGORIES = {
  post: l('岗位承诺', 'At my post'),
  service: l('服务承诺', 'Service'),
  practical: l('为民办实事', 'Practical things for residents'),
  study: l('学习提升', 'Learning'),
  development: l('发展致富', 'Development'),
} as const satisfies Record<string, Labelled>;
export type PledgeCategory = keyof typeof PLEDGE_CATEGORIES;

/** States of a pledge. */
export const PLEDGE_STATUSES = {
  draft: l('草稿', 'Draft'),
  submitted: l('待审诺', 'Awaiting review'),
  returned: l('已退回', 'Returned'),
  approved: l('已审核，待公开', 'Approved'),
  published: l('已公开，践诺中', 'Published, being fulfilled'),
  reported: l('践诺待验收', 'Fulfilment reported'),
  fulfilled: l('已践诺，评诺中', 'Fulfilled, being evaluated'),
  evaluated: l('已评诺', 'Evaluated'),
} as const satisfies Record<string, Labelled>;
export type PledgeStatus = keyof typeof PLEDGE_STATUSES;
/** States a pledge is public in (the organization and the public board see it). */
export const PLEDGE_PUBLIC_STATUSES = ['published', 'reported', 'fulfilled', 'evaluated'] as const;
/** States counted as approved (approved and every later one). */
export const PLEDGE_APPROVED_STATUSES = ['approved', ...PLEDGE_PUBLIC_STATUSES] as const;

/** How an evaluator rates a pledge. */
export const PLEDGE_RATINGS = {
  satisfied: l('满意', 'Satisfied'),
  fair: l('基本满意', 'Fairly satisfied'),
  dissatisfied: l('不满意', 'Dissatisfied'),
} as const satisfies Record<string, Labelled>;
export type PledgeRating = keyof typeof PLEDGE_RATINGS;

/** Who evaluated. */
export const PLEDGE_EVALUATORS = {
  member: l('党员', 'Member'),
  resident: l('群众', 'Resident'),
} as const satisfies Record<string, Labelled>;

/** The `pledges` rule set: the evaluation window and the yearly limit of a member's pledges. */
export const PLEDGES_RULE_DEFAULTS = {
  /** Days after the fulfilment is accepted during which members and residents evaluate. */
  evaluationDays: 30,
  /** Pledges a member may make in a year, at most. */
  maxPerMemberYear: 5,
} as const;
export type PledgesRuleKey = keyof typeof PLEDGES_RULE_DEFAULTS;
export type PledgesRules = { [K in PledgesRuleKey]: number };
export const PLEDGES_RULE_LABELS: Record<PledgesRuleKey, Labelled> = {
  evaluationDays: l('评诺期（天）', 'Evaluation window (days)'),
  maxPerMemberYear: l('党员每年承诺数上限', "A member's pledges a year, at most"),
};
export const PLEDGES_RULE_SET_LABEL = l('承诺践诺', 'Pledges');

const Day = (zh: string, en: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', examples: ['2026-06-15'], ...labelled(zh, en) });
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });

/** Evaluation counts of a pledge. */
export const PledgeRatingCounts = Type.Object({
  satisfied: Type.Integer(),
  fair: Type.Integer(),
  dissatisfied: Type.Integer(),
});

/** A pledge as a list row. */
export const PledgeItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: KeyOf(PLEDGE_KINDS),
  memberId: Nullable(Type.Integer()),
  memberName: Nullable(Type.String()),
  year: Type.Integer(),
  category: KeyOf(PLEDGE_CATEGORIES),
  title: Type.String(),
  content: Type.String(),
  dueOn: Type.String(),
  status: KeyOf(PLEDGE_STATUSES),
  returnReason: Nullable(Type.String()),
  fulfilment: Nullable(Type.String()),
  problemsSolved: Type.Integer(),
  problemsText: Nullable(Type.String()),
  fulfilledOn: Nullable(Type.String()),
  ratings: PledgeRatingCounts,
  ...Stamps,
});
export type PledgeItemT = Static<typeof PledgeItem>;

/** One progress entry (践诺进展) or the fulfilment submission. */
export const PledgeProgress = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('progress'), Type.Literal('fulfilment')]),
  text: Type.String(),
  reportedOn: Type.String(),
  authorName: Nullable(Type.String()),
});

/** One evaluation (the evaluator's name shown masked for residents). */
export const PledgeEvaluation = Type.Object({
  id: Type.Integer(),
  evaluator: KeyOf(PLEDGE_EVALUATORS),
  evaluatorName: Nullable(Type.String()),
  rating: KeyOf(PLEDGE_RATINGS),
  comment: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** A pledge with its progress, evaluations, photos, timeline and the moves the caller may make. */
export const PledgeDetail = Type.Composite([
  PledgeItem,
  Type.Object({
    progress: Type.Array(PledgeProgress),
    evaluations: Type.Array(PledgeEvaluation),
    photos: Type.Array(Type.Object({ id: Type.Integer(), url: Type.String() })),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
    canEdit: Type.Boolean(),
    canProgress: Type.Boolean(),
    canEvaluate: Type.Boolean(),
    /** The residents' evaluation link token (staff, once published). */
    publicToken: Nullable(Type.String()),
    evaluationEndsOn: Nullable(Type.String()),
  }),
]);
export type PledgeDetailT = Static<typeof PledgeDetail>;
export const PledgeList = ListOf(PledgeItem);

export const PledgeListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
  kind: Type.Optional(KeyOf(PLEDGE_KINDS)),
  status: Type.Optional(KeyOf(PLEDGE_STATUSES)),
  category: Type.Optional(KeyOf(PLEDGE_CATEGORIES)),
  member: Type.Optional(Id()),
  mine: Type.Optional(Type.Boolean()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type PledgeListQueryT = Static<typeof PledgeListQuery>;

/** A new pledge (a draft): a member's own, or (staff) a member's or an organization's. */
export const PledgeCreate = Body({
  kind: KeyOf(PLEDGE_KINDS),
  orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('党组织', 'Organization') })),
  memberId: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('承诺党员', 'Member') })),
  ),
  year: Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') }),
  category: KeyOf(PLEDGE_CATEGORIES),
  title: Words1(60, '承诺事项', 'Title'),
  content: Words1(2000, '承诺内容', 'Content'),
  dueOn: Day('完成时限', 'Due on'),
});
export type PledgeCreateT = Static<typeof PledgeCreate>;

/** Changes a draft or returned pledge. */
export const PledgeUpdate = Body({
  category: Type.Optional(KeyOf(PLEDGE_CATEGORIES)),
  title: Type.Optional(Words1(60, '承诺事项', 'Title')),
  content: Type.Optional(Words1(2000, '承诺内容', 'Content')),
  dueOn: Type.Optional(Day('完成时限', 'Due on')),
});
export type PledgeUpdateT = Static<typeof PledgeUpdate>;

export const PledgeNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
export const PledgeReason = Body({ reason: Words1(500, '退回原因', 'Reason') });
export const PledgeProgressCreate = Body({ text: Words1(1000, '进展情况', 'Progress') });
/** The fulfilment submission: what was done and the problems solved through it. */
export const PledgeReport = Body({
  fulfilment: Words1(2000, '践诺情况', 'Fulfilment'),
  problemsSolved: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 10000, ...labelled('解决问题数', 'Problems solved') }),
  ),
  problemsText: Type.Optional(Nullable(Words(1000, '解决的问题', 'Problems solved, in words'))),
});
export type PledgeReportT = Static<typeof PledgeReport>;
export const PledgeEvaluate = Body({
  rating: KeyOf(PLEDGE_RATINGS),
  comment: Type.Optional(Nullable(Words(300, '评价意见', 'Comment'))),
});
export type PledgeEvaluateT = Static<typeof PledgeEvaluate>;

/** The residents' evaluation from the public link: a rating, a comment and the phone's own key. */
export const PublicPledgeEvaluate = Body({
  rating: KeyOf(PLEDGE_RATINGS),
  comment: Type.Optional(Nullable(Words(300, '评价意见', 'Comment'))),
  voterKey: Type.String({
    minLength: 16,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_-]+$',
    ...labelled('评价人标识', 'Key'),
  }),
});
export type PublicPledgeEvaluateT = Static<typeof PublicPledgeEvaluate>;
export const PledgeTokenParams = Type.Object({
  token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});
/** A pledge as the public evaluation page shows it: names masked, no id of a person. */
export const PublicPledge = Type.Object({
  orgName: Type.String(),
  memberName: Nullable(Type.String()),
  kind: KeyOf(PLEDGE_KINDS),
  year: Type.Integer(),
  category: KeyOf(PLEDGE_CATEGORIES),
  title: Type.String(),
  content: Type.String(),
  status: KeyOf(PLEDGE_STATUSES),
  fulfilment: Nullable(Type.String()),
  fulfilledOn: Nullable(Type.String()),
  open: Type.Boolean(),
  ratings: PledgeRatingCounts,
});
export type PublicPledgeT = Static<typeof PublicPledge>;

/**
 * The flow: draft → submitted (定诺) → approved (审诺) or returned → resubmitted; approved → published (晒诺) →
 * reported (践诺 with its fulfilment) → fulfilled (accepted) or back to published; fulfilled → evaluated (评诺
 * closed by the branch after the window).
 */
export const PLEDGE_FLOW = defineFlowSpec({
  entityType: 'pledge',
  label: l('承诺践诺', 'Pledge'),
  states: PLEDGE_STATUSES,
  actions: {
    create: moveSpec('起草承诺', 'Draft', 'created', { from: [], to: 'draft', by: ['pledges.make'] }),
    submit: moveSpec('定诺（提交审核）', 'Submit', 'submitted', {
      from: ['draft', 'returned'],
      to: 'submitted',
      by: ['pledges.make'],
    }),
    approve: moveSpec('审诺通过', 'Approve', 'approved', {
      from: ['submitted'],
      to: 'approved',
      by: ['pledges.review'],
    }),
    return: moveSpec('退回修改', 'Return', 'returned', {
      from: ['submitted'],
      to: 'returned',
      by: ['pledges.review'],
      required: ['reason'],
    }),
    publish: moveSpec('晒诺（公开）', 'Publish', 'published', {
      from: ['approved'],
      to: 'published',
      by: ['pledges.review'],
    }),
    report: moveSpec('提交践诺情况', 'Report the fulfilment', 'reported', {
      from: ['published'],
      to: 'reported',
      by: ['pledges.make'],
      required: ['fulfilment'],
    }),
    accept: moveSpec('验收践诺', 'Accept', 'accepted', {
      from: ['reported'],
      to: 'fulfilled',
      by: ['pledges.review'],
    }),
    reject: moveSpec('退回践诺情况', 'Send back', 'rejected', {
      from: ['reported'],
      to: 'published',
      by: ['pledges.review'],
      required: ['reason'],
    }),
    close: moveSpec('结束评诺', 'Close the evaluation', 'closed', {
      from: ['fulfilled'],
      to: 'evaluated',
      by: ['pledges.review'],
    }),
  },
});
export type PledgeAction = keyof typeof PLEDGE_FLOW.actions;
/** Timeline words of entries that are not moves. */
export const PLEDGE_EVENTS = {
  progress: l('践诺进展', 'Progress'),
  evaluated: l('评诺', 'Evaluation'),
  photo: l('上传照片', 'Photo'),
} as const satisfies Record<string, Labelled>;

/** 承诺践诺情况 of a subtree and year: its query and answer. */
export const PledgesSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') }),
});
export type PledgesSummaryQueryT = Static<typeof PledgesSummaryQuery>;
const SummaryCounts = Type.Object({
  made: Type.Integer({ description: 'pledges submitted (not drafts)' }),
  approved: Type.Integer(),
  published: Type.Integer(),
  fulfilled: Type.Integer({ description: 'fulfilment accepted (fulfilled or evaluated)' }),
  evaluated: Type.Integer(),
  evaluations: Type.Integer(),
  satisfaction: Nullable(Type.Number({ description: 'share of 满意 and 基本满意 among evaluations, 0–1' })),
  problemsSolved: Type.Integer(),
});
export type PledgesSummaryCountsT = Static<typeof SummaryCounts>;
export const PledgesSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  total: SummaryCounts,
  member: SummaryCounts,
  org: SummaryCounts,
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), counts: SummaryCounts })),
});
export type PledgesSummaryT = Static<typeof PledgesSummary>;
