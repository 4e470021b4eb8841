/** The ratings contracts, part two: results, scores, objections, the flow of a result. */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';
import {
  CADRE_GRADES,
  INDICATOR_FILLS,
  l,
  RATING_MODES,
  RATING_SOURCES,
  RATING_SUBJECTS,
  StarThreshold,
  Words,
  Words1,
  Year,
} from './ratings.base.js';

/** The states of a result. */
export const RATING_STATUSES = {
  draft: l('待自评', 'To self-score'),
  self_scored: l('已自评', 'Self-scored'),
  scored: l('已考评', 'Scored'),
  published: l('公示中', 'Published for objections'),
  final: l('已确定', 'Final'),
} as const satisfies Record<string, Labelled>;
export type RatingStatus = keyof typeof RATING_STATUSES;

/** The states of an objection. */
export const OBJECTION_STATUSES = {
  open: l('待答复', 'Open'),
  upheld: l('异议成立（重新评定）', 'Upheld (rescored)'),
  rejected: l('异议不成立', 'Rejected'),
} as const satisfies Record<string, Labelled>;
export type ObjectionStatus = keyof typeof OBJECTION_STATUSES;

/** What follows a final result: commended (≥ 4 stars), reminded with a rectification problem (≤ 2), nothing. */
export const RATING_OUTCOMES = {
  commended: l('表彰', 'Commended'),
  reminded: l('提醒整改', 'Reminded to rectify'),
  none: l('—', '—'),
} as const satisfies Record<string, Labelled>;
export type RatingOutcome = keyof typeof RATING_OUTCOMES;

/** One indicator's scores in a result: the record's value, the self-score and the assessor's, kept apart. */
export const IndicatorScore = Type.Object({
  key: Type.String(),
  groupKey: Type.String(),
  name: Type.String(),
  maxScore: Type.Number(),
  fill: KeyOf(INDICATOR_FILLS),
  source: Nullable(KeyOf(RATING_SOURCES)),
  /** The record's value (live until publication, then the snapshot). */
  value: Nullable(Type.Number()),
  selfScore: Nullable(Type.Number()),
  assessorScore: Nullable(Type.Number()),
  /** The score that counts: record → mapped value; assessor → assessor's; self → self-score. */
  score: Nullable(Type.Number()),
  met: Type.Boolean({ description: 'mode items: the item is met (one star)' }),
  selfNote: Nullable(Type.String()),
  assessorNote: Nullable(Type.String()),
  fileIds: Type.Array(Type.Integer()),
});
export type IndicatorScoreT = Static<typeof IndicatorScore>;

export const Objection = Type.Object({
  id: Type.Integer(),
  reason: Type.String(),
  raisedBy: Nullable(Type.String()),
  raisedAt: Type.String(),
  status: KeyOf(OBJECTION_STATUSES),
  reply: Nullable(Type.String()),
  answeredBy: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});
export type ObjectionT = Static<typeof Objection>;

/** A result as a list row. */
export const RatingItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipName: Nullable(Type.String()),
  schemeId: Type.Integer(),
  schemeName: Type.String(),
  subject: KeyOf(RATING_SUBJECTS),
  mode: KeyOf(RATING_MODES),
  year: Type.Integer(),
  /** Cadre assessments: the member assessed and the post (e.g. 村党支部书记); the name masked in public output. */
  memberId: Nullable(Type.Integer()),
  memberName: Nullable(Type.String()),
  post: Nullable(Type.String()),
  status: KeyOf(RATING_STATUSES),
  selfTotal: Nullable(Type.Number()),
  total: Nullable(Type.Number()),
  stars: Nullable(Type.Integer()),
  grade: Nullable(KeyOf(CADRE_GRADES)),
  outcome: KeyOf(RATING_OUTCOMES),
  publishedOn: Nullable(Type.String()),
  objectionUntil: Nullable(Type.String()),
  finalOn: Nullable(Type.String()),
  openObjections: Type.Integer(),
  problemId: Nullable(Type.Integer()),
  ...Stamps,
});
export type RatingItemT = Static<typeof RatingItem>;

/** A result with its indicator scores, objections, timeline and the caller's moves. */
export const RatingDetail = Type.Composite([
  RatingItem,
  Type.Object({
    maxStars: Type.Integer(),
    thresholds: Type.Array(StarThreshold),
    scores: Type.Array(IndicatorScore),
    groups: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    objections: Type.Array(Objection),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
  }),
]);
export type RatingDetailT = Static<typeof RatingDetail>;
export const RatingList = ListOf(RatingItem);

export const RatingListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  year: Type.Optional(Year()),
  scheme: Type.Optional(Id()),
  subject: Type.Optional(KeyOf(RATING_SUBJECTS)),
  stars: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, ...labelled('星级', 'Stars') })),
  status: Type.Optional(KeyOf(RATING_STATUSES)),
  outcome: Type.Optional(KeyOf(RATING_OUTCOMES)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type RatingListQueryT = Static<typeof RatingListQuery>;

/** Starts a result by hand: an organization under an org scheme, a cadre (member and post) under a cadre scheme. */
export const RatingCreate = Body({
  schemeId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('考评方案', 'Scheme') }),
  orgId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('党组织', 'Organization') }),
  memberId: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('被考核人', 'Cadre assessed') })),
  ),
  post: Type.Optional(Nullable(Words(60, '职务', 'Post'))),
});
export type RatingCreateT = Static<typeof RatingCreate>;

/** One indicator's score as the branch or the assessor enters it, with its note and evidence files. */
export const ScoreEntry = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 20, ...labelled('指标编号', 'Indicator code') }),
  score: Type.Number({ minimum: 0, maximum: 1000, ...labelled('得分', 'Score') }),
  note: Type.Optional(Nullable(Words(500, '评分说明（佐证）', 'Note (evidence)'))),
  fileIds: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), {
      maxItems: 20,
      ...labelled('佐证附件', 'Evidence files'),
    }),
  ),
});
export type ScoreEntryT = Static<typeof ScoreEntry>;
const Entries = Type.Array(ScoreEntry, { maxItems: 200, ...labelled('评分', 'Scores') });

/** The branch's self-scores (self items; it may also state its view of the others). */
export const RatingSelfScore = Body({ scores: Entries, note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
/** The assessor's scores (assessor items, and the self items it checks), with its evidence. */
export const RatingAssess = Body({ scores: Entries, note: Type.Optional(Nullable(Words(500, '考评意见', 'Remarks'))) });
export type RatingScoresT = Static<typeof RatingSelfScore>;
export const RatingNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
export const RatingObject = Body({ reason: Words1(500, '异议理由', 'Reason') });
export const RatingAnswer = Body({
  objectionId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled('异议', 'Objection') }),
  upheld: Type.Boolean(labelled('异议是否成立', 'Upheld')),
  reply: Words1(500, '答复意见', 'Reply'),
});
export type RatingAnswerT = Static<typeof RatingAnswer>;

/** `POST /api/ratings/compute`: computes (and starts missing) results for every branch of a subtree under a scheme. */
export const RatingComputeQuery = Type.Object({
  scheme: Id('the scheme'),
  org: Type.Optional(Id('the subtree (the caller’s organization by default)')),
});
export const RatingComputeResult = Type.Object({
  schemeId: Type.Integer(),
  created: Type.Integer(),
  computed: Type.Integer(),
  ms: Type.Integer(),
  byStars: Type.Array(Type.Object({ stars: Type.Integer(), count: Type.Integer() })),
});
export type RatingComputeResultT = Static<typeof RatingComputeResult>;

/**
 * The flow of a result: draft → self_scored by the branch → scored by the township/county assessor → published for
 * objections (the window is the rule `ratings.objectionDays`) → final when the window has ended and no objection is
 * open (the daily job, or the assessor). An objection upheld sends the result back to scored to be rescored.
 */
export const RATING_FLOW = defineFlowSpec({
  entityType: 'rating',
  label: l('星级评定（考核）', 'Rating'),
  states: RATING_STATUSES,
  actions: {
    create: moveSpec('启动评定', 'Start', 'created', { from: [], to: 'draft', by: ['ratings.score'] }),
    selfScore: moveSpec('提交自评', 'Submit the self-score', 'self_scored', {
      from: ['draft', 'self_scored'],
      to: 'self_scored',
      by: ['ratings.self'],
    }),
    score: moveSpec('考评打分', 'Score', 'scored', {
      from: ['draft', 'self_scored', 'scored'],
      to: 'scored',
      by: ['ratings.score'],
    }),
    publish: moveSpec('公示', 'Publish for objections', 'published', {
      from: ['scored'],
      to: 'published',
      by: ['ratings.score'],
    }),
    object: moveSpec('提出异议', 'Lodge an objection', 'objected', {
      from: ['published'],
      to: null,
      by: ['ratings.object'],
      required: ['reason'],
    }),
    answer: moveSpec('答复异议', 'Answer an objection', 'answered', {
      from: ['published'],
      to: ['published', 'scored'],
      by: ['ratings.score'],
      required: ['reply'],
    }),
    finalize: moveSpec('确定结果', 'Make final', 'finalized', {
      from: ['published'],
      to: 'final',
      by: ['ratings.score', 'system'],
    }),
  },
});
export type RatingAction = keyof typeof RATING_FLOW.actions;
