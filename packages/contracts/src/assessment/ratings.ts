/**
 * The ratings module's contracts (area assessment): star ratings of organizations (星级评定: 五化五星, 十星级, 三化四明)
 * and assessments of cadres (村干部"5+1"考核, 年终考评) by indicator schemes the county defines per year.
 *
 * A scheme is a tree of indicators (groups → items) with their max scores, how each is filled (from the platform's
 * records through a figure of the catalogue, by the organization's own score, or by the assessor's score), the
 * evidence it needs, and the thresholds that turn a total into stars (or ten stars by items met, or a grade of a
 * cadre). A result is one subject's rating under one scheme; it keeps its own copy of the indicator tree once it is
 * published, so a new year's scheme never changes last year's results. The self-score and the assessor's score are
 * kept apart. Results are published for objections (公示) and go final when the window has passed and every
 * objection is answered.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const RATINGS_MODULE = 'ratings' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** Who a scheme rates: organizations (star rating) or cadres (people, by member). */
export const RATING_SUBJECTS = {
  org: l('党组织星级评定', 'Star rating of organizations'),
  cadre: l('干部考核', 'Assessment of cadres'),
} as const satisfies Record<string, Labelled>;
export type RatingSubject = keyof typeof RATING_SUBJECTS;

/** How a scheme turns scores into a level. */
export const RATING_MODES = {
  score: l('按总分评星（1–5星）', 'Stars by total score (1–5)'),
  items: l('按达标项评星（十星级）', 'One star per item met (ten stars)'),
  grade: l('按总分定等次', 'Grade by total score'),
} as const satisfies Record<string, Labelled>;
export type RatingMode = keyof typeof RATING_MODES;

/** The grades of a cadre's assessment (mode `grade`): level 4 is the best. */
export const CADRE_GRADES = {
  excellent: l('优秀', 'Excellent'),
  competent: l('称职', 'Competent'),
  basic: l('基本称职', 'Basically competent'),
  incompetent: l('不称职', 'Incompetent'),
} as const satisfies Record<string, Labelled>;
export type CadreGrade = keyof typeof CADRE_GRADES;
/** The grade of each level (1–4) of a `grade` scheme. */
export const CADRE_GRADE_OF_LEVEL: Record<number, CadreGrade> = {
  1: 'incompetent',
  2: 'basic',
  3: 'competent',
  4: 'excellent',
};

/** How an indicator is filled. */
export const INDICATOR_FILLS = {
  record: l('平台记录自动取数', 'From the records'),
  self: l('党组织自评', "The organization's own score"),
  assessor: l('乡镇（县）考评', "The assessor's score"),
} as const satisfies Record<string, Labelled>;
export type IndicatorFill = keyof typeof INDICATOR_FILLS;

/** The states of a scheme: a draft is edited; a published scheme is frozen (a change makes a new version). */
export const SCHEME_STATUSES = {
  draft: l('草稿', 'Draft'),
  published: l('已发布', 'Published'),
} as const satisfies Record<string, Labelled>;
export type SchemeStatus = keyof typeof SCHEME_STATUSES;

/**
 * The measures of the records an indicator may be filled from: each names the figure of the catalogue
 * (`GET /api/figures`) it is taken from, its unit, and in words what it counts for one organization and year.
 */
export const RATING_SOURCES = {
  meetings_held: {
    figure: 'meetings.compliance',
    unit: l('次', 'times'),
    ...l('组织生活开展次数（三会一课、主题党日等）', 'Meetings of organizational life held'),
  },
  meeting_attendance: {
    figure: 'meetings.stats',
    unit: l('%', '%'),
    ...l('组织生活党员参会率', 'Attendance at meetings'),
  },
  dues_rate: { figure: 'dues.collection', unit: l('%', '%'), ...l('党费按时足额收缴率', 'Dues collected on time') },
  development_plan: {
    figure: 'development.plan',
    unit: l('%', '%'),
    ...l('发展党员计划完成率', 'Development against the plan'),
  },
  problems_closed: {
    figure: 'problems.summary',
    unit: l('%', '%'),
    ...l('问题整改完成率', 'Problems rectified'),
  },
  services_done: {
    figure: 'residents.stats',
    unit: l('件', 'cases'),
    ...l('为民服务办结件数', 'Service requests completed'),
  },
} as const satisfies Record<string, Labelled & { figure: string; unit: Labelled }>;
export type RatingSource = keyof typeof RATING_SOURCES;

/** How a record's value maps to a score: linear between two points, or by thresholds. */
export const MAPPING_KINDS = {
  linear: l('线性折算', 'Linear between two points'),
  thresholds: l('分档计分', 'By thresholds'),
} as const satisfies Record<string, Labelled>;
export type MappingKind = keyof typeof MAPPING_KINDS;

const Num = (zh: string, en: string, max = 1_000_000) => Type.Number({ minimum: 0, maximum: max, ...labelled(zh, en) });
const Words = (max: number, zh: string, en: string) => Type.String({ maxLength: max, ...labelled(zh, en) });
const Words1 = (max: number, zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: max, ...labelled(zh, en) });
const Code = (zh: string, en: string) =>
  Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_.-]+$', ...labelled(zh, en) });
const Year = (zh = '年度', en = 'Year') => Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });

/**
 * value → score: `linear` gives `fromScore` at or below `fromValue`, `toScore` at or above `toValue` and the line
 * between; `thresholds` gives the score of the highest step whose `min` the value reaches (0 below them all).
 */
export const ScoreMapping = Type.Object(
  {
    kind: KeyOf(MAPPING_KINDS),
    fromValue: Type.Optional(Num('起点取值', 'From value')),
    fromScore: Type.Optional(Num('起点得分', 'From score', 1000)),
    toValue: Type.Optional(Num('终点取值', 'To value')),
    toScore: Type.Optional(Num('终点得分', 'To score', 1000)),
    steps: Type.Optional(
      Type.Array(Type.Object({ min: Num('达到取值', 'Value at least'), score: Num('得分', 'Score', 1000) }), {
        maxItems: 10,
        ...labelled('分档', 'Steps'),
      }),
    ),
  },
  labelled('取数折算', 'Mapping'),
);
export type ScoreMappingT = Static<typeof ScoreMapping>;

/** One indicator (an item of a group). */
export const Indicator = Type.Object({
  key: Code('指标编号', 'Indicator code'),
  name: Words1(200, '指标名称', 'Indicator'),
  maxScore: Type.Number({ minimum: 0, maximum: 1000, ...labelled('分值', 'Max score') }),
  fill: KeyOf(INDICATOR_FILLS),
  /** What the assessor looks at, in words; photo and file ids are optional evidence of a score. */
  evidence: Type.Optional(Nullable(Words(500, '佐证材料要求', 'Evidence needed'))),
  source: Type.Optional(Nullable(KeyOf(RATING_SOURCES))),
  mapping: Type.Optional(Nullable(ScoreMapping)),
  /** Mode `items`: the score at which the item counts as met (one star); the max score when absent. */
  passScore: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1000, ...labelled('达标分', 'Pass score') }))),
});
export type IndicatorT = Static<typeof Indicator>;

/** A group of indicators (e.g. 组织设置标准化). */
export const IndicatorGroup = Type.Object({
  key: Code('分组编号', 'Group code'),
  name: Words1(100, '指标分组', 'Group'),
  items: Type.Array(Indicator, { minItems: 1, maxItems: 60, ...labelled('指标', 'Indicators') }),
});
export type IndicatorGroupT = Static<typeof IndicatorGroup>;

/** A star threshold: the level reached at a total of at least `minScore` (mode `score`/`grade`). */
export const StarThreshold = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 10, ...labelled('星级（等次）', 'Level') }),
  minScore: Num('最低总分', 'Total at least', 10_000),
});
export type StarThresholdT = Static<typeof StarThreshold>;

const Groups = Type.Array(IndicatorGroup, { minItems: 1, maxItems: 20, ...labelled('指标体系', 'Indicator tree') });
const Thresholds = Type.Array(StarThreshold, { maxItems: 10, ...labelled('评星标准', 'Thresholds') });

/** A scheme as a list row. */
export const RatingSchemeItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  name: Type.String(),
  family: Type.String({ description: 'the scheme family across years (the template it came from), for the target' }),
  subject: KeyOf(RATING_SUBJECTS),
  mode: KeyOf(RATING_MODES),
  status: KeyOf(SCHEME_STATUSES),
  version: Type.Integer(),
  /** The scheme this one was made from (a new version or a copy of last year's). */
  previousId: Nullable(Type.Integer()),
  maxStars: Type.Integer(),
  totalScore: Type.Number({ description: 'the sum of the max scores of its indicators' }),
  indicatorCount: Type.Integer(),
  resultCount: Type.Integer(),
  description: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  ...Stamps,
});
export type RatingSchemeItemT = Static<typeof RatingSchemeItem>;

/** A scheme with its indicator tree and thresholds. */
export const RatingScheme = Type.Composite([
  RatingSchemeItem,
  Type.Object({ groups: Type.Array(IndicatorGroup), thresholds: Type.Array(StarThreshold), canEdit: Type.Boolean() }),
]);
export type RatingSchemeT = Static<typeof RatingScheme>;
export const RatingSchemeList = ListOf(RatingSchemeItem);

export const RatingSchemeListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40 })),
  year: Type.Optional(Year()),
  subject: Type.Optional(KeyOf(RATING_SUBJECTS)),
  status: Type.Optional(KeyOf(SCHEME_STATUSES)),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type RatingSchemeListQueryT = Static<typeof RatingSchemeListQuery>;

/** The county defines a scheme for a year. */
export const RatingSchemeCreate = Body({
  year: Year(),
  name: Words1(100, '方案名称', 'Scheme name'),
  family: Type.Optional(Code('方案系列', 'Scheme family')),
  subject: KeyOf(RATING_SUBJECTS),
  mode: KeyOf(RATING_MODES),
  maxStars: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, ...labelled('最高星级', 'Max stars') })),
  description: Type.Optional(Nullable(Words(2000, '方案说明', 'Description'))),
  groups: Groups,
  thresholds: Type.Optional(Thresholds),
});
export type RatingSchemeCreateT = Static<typeof RatingSchemeCreate>;

/** Changes a draft scheme (a published one answers `ratings.scheme_frozen`: make a new version). */
export const RatingSchemeUpdate = Body({
  name: Type.Optional(Words1(100, '方案名称', 'Scheme name')),
  maxStars: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, ...labelled('最高星级', 'Max stars') })),
  description: Type.Optional(Nullable(Words(2000, '方案说明', 'Description'))),
  groups: Type.Optional(Groups),
  thresholds: Type.Optional(Thresholds),
});
export type RatingSchemeUpdateT = Static<typeof RatingSchemeUpdate>;

/** Copies a template (or with `year`, a new version of a scheme for that year) into the county's year. */
export const RatingSchemeFromTemplate = Body({
  template: Type.String({ minLength: 1, maxLength: 40, ...labelled('方案模板', 'Template') }),
  year: Year(),
  name: Type.Optional(Words1(100, '方案名称', 'Scheme name')),
});
export type RatingSchemeFromTemplateT = Static<typeof RatingSchemeFromTemplate>;

/** A new version of a published scheme (for the same or another year): a draft copy to edit. */
export const RatingSchemeNewVersion = Body({ year: Type.Optional(Year()) });

/** A template as the list of templates shows it. */
export const RatingTemplateItem = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  subject: KeyOf(RATING_SUBJECTS),
  mode: KeyOf(RATING_MODES),
  source: Type.String({ description: 'where the template comes from, in words' }),
  indicatorCount: Type.Integer(),
});
export const RatingTemplateList = Type.Object({ items: Type.Array(RatingTemplateItem) });

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

/** The rules of ratings (the `ratings` rule set). */
export const RATINGS_RULE_DEFAULTS = {
  /** Days a result stays published for objections (公示期). */
  objectionDays: 5,
  /** Stars at or above which a final result is commended. */
  commendMinStars: 4,
  /** Stars at or below which a final result is reminded and a rectification problem opened. */
  remindMaxStars: 2,
  /** Days the rectification problem of a reminded organization is due in. */
  rectifyDays: 90,
} as const;
export type RatingsRuleKey = keyof typeof RATINGS_RULE_DEFAULTS;
export type RatingsRules = { [K in RatingsRuleKey]: number };
export const RATINGS_RULE_LABELS: Record<RatingsRuleKey, Labelled> = {
  objectionDays: l('评定结果公示期（天）', 'Days published for objections'),
  commendMinStars: l('表彰星级（不低于）', 'Commended at stars of at least'),
  remindMaxStars: l('提醒整改星级（不高于）', 'Reminded at stars of at most'),
  rectifyDays: l('提醒整改期限（天）', 'Days to rectify'),
};
export const RATINGS_RULE_SET_LABEL = l('星级评定规则', 'Star ratings: the rules');

/** The multi-year target of a scheme family: a share of branches at min stars or above by a year. */
export const RatingTarget = Type.Object({
  id: Type.Integer(),
  family: Type.String(),
  minStars: Type.Integer(),
  share: Type.Number(),
  startYear: Type.Integer(),
  byYear: Type.Integer(),
  note: Nullable(Type.String()),
});
export type RatingTargetT = Static<typeof RatingTarget>;
export const RatingTargetList = Type.Object({ items: Type.Array(RatingTarget) });
export type RatingTargetListT = Static<typeof RatingTargetList>;
export const RatingTargetSet = Body({
  family: Code('方案系列', 'Scheme family'),
  minStars: Type.Integer({ minimum: 1, maximum: 10, ...labelled('目标星级（不低于）', 'Stars at least') }),
  share: Type.Number({ minimum: 0, maximum: 1, ...labelled('目标占比', 'Target share') }),
  startYear: Year('起始年度', 'From year'),
  byYear: Year('目标年度', 'By year'),
  note: Type.Optional(Nullable(Words(500, '说明', 'Note'))),
});
export type RatingTargetSetT = Static<typeof RatingTargetSet>;

/** `ratings.summary`: stars per level, share at ≥ 3, commended and reminded, for a subtree and year. */
export const RatingsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Year(),
  subject: Type.Optional(KeyOf(RATING_SUBJECTS)),
});
export type RatingsSummaryQueryT = Static<typeof RatingsSummaryQuery>;
export const RatingsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  rated: Type.Integer({ description: 'results scored, published or final' }),
  final: Type.Integer(),
  byStars: Type.Array(Type.Object({ stars: Type.Integer(), count: Type.Integer() })),
  atLeast3: Type.Integer(),
  shareAtLeast3: Type.Number(),
  commended: Type.Integer(),
  reminded: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      orgName: Type.String(),
      rated: Type.Integer(),
      atLeast3: Type.Integer(),
      commended: Type.Integer(),
      reminded: Type.Integer(),
    }),
  ),
});
export type RatingsSummaryT = Static<typeof RatingsSummary>;

/** `ratings.target`: progress to the multi-year target, year by year. */
export const RatingsTargetQuery = Type.Object({
  org: Type.Optional(Id()),
  family: Type.Optional(Code('方案系列', 'Scheme family')),
});
export const RatingsTargetProgress = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  target: Nullable(RatingTarget),
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      rated: Type.Integer(),
      reached: Type.Integer(),
      share: Type.Number(),
      /** The share the straight path to the target asks for that year. */
      expected: Type.Number(),
    }),
  ),
});
export type RatingsTargetProgressT = Static<typeof RatingsTargetProgress>;

/** `cadreAssessments.summary`: cadres assessed per grade for a subtree and year. */
export const CadreAssessmentsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  assessed: Type.Integer(),
  byGrade: Type.Array(Type.Object({ grade: KeyOf(CADRE_GRADES), count: Type.Integer() })),
});
export type CadreAssessmentsSummaryT = Static<typeof CadreAssessmentsSummary>;
export * from './ratings.templates.js';
export * from './ratings.scoring.js';
