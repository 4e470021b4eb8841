/**
 * The cadres module's contracts (area people): the two village committees' people, their posts and terms,
 * elections analytics, filing and joint review (村两委, 换届).
 *
 * One person record (`cadres`) with a history of posts (`cadre_posts`: committee, post, term), not a wide table; a
 * person who is a party member may link the roster (then name, gender and birth date come from there). The election
 * analytics (`/api/elections/analytics`) are computed from the posts of a term for any subtree. A new party
 * secretary is filed with the county (备案: filed → acknowledged | returned), and a candidate is reviewed before the
 * appointment by the units (联审: one stop stops the candidate, all clear → cleared). Terms are election years
 * (`2021`, `2026`); shares are fractions 0–1.
 */
import { type Static, Type } from '@sinclair/typebox';
import { CADRE_POSTS } from '../assessment/retraining.js';
import { EDUCATIONS, GENDERS, type Labelled } from '../core/enums.js';
import { labelled } from '../core/fieldLabels.js';
import { Body, Id, KeyOf, ListOf, Nullable, Paging, Stamps, VERBATIM } from '../core/schemas.js';
import { AllowedActions, defineFlowSpec, moveSpec, TimelineEvent } from '../core/workflow.js';

export const CADRES_MODULE = 'cadres' as const;

const l = (zh: string, en: string): Labelled => ({ zh, en });

/** The two committees of a village (村“两委”). */
export const CADRE_COMMITTEES = {
  party: l('村（社区）党组织委员会', 'Party committee'),
  villagers: l('村（居）民委员会', "Villagers' committee"),
} as const satisfies Record<string, Labelled>;
export type CadreCommittee = keyof typeof CADRE_COMMITTEES;

/**
 * The posts of the two committees (codes agreed with training: `secretary`, `deputy_secretary`, `member` on the party
 * committee; `director`, `deputy_director`, `member` on the villagers' committee). Words from CADRE_POSTS.
 */
export const CADRE_POST_CODES = {
  secretary: CADRE_POSTS.secretary,
  deputy_secretary: CADRE_POSTS.deputy_secretary,
  director: CADRE_POSTS.director,
  deputy_director: CADRE_POSTS.deputy_director,
  member: l('委员', 'Member'),
} as const satisfies Record<string, Labelled>;
export type CadrePostCode = keyof typeof CADRE_POST_CODES;

/** Which posts each committee has. */
export const COMMITTEE_POSTS: Record<CadreCommittee, readonly CadrePostCode[]> = {
  party: ['secretary', 'deputy_secretary', 'member'],
  villagers: ['director', 'deputy_director', 'member'],
};

/** A post in words, told by its committee (a party committee's member is 党组织委员, the other 村（居）委会委员). */
export function cadrePostLabel(committee: CadreCommittee, post: CadrePostCode): Labelled {
  if (post === 'member') return committee === 'party' ? CADRE_POSTS.committee : CADRE_POSTS.village_member;
  return CADRE_POST_CODES[post];
}

/** The "four kinds" of people sought for the committees (四类人员). */
export const CADRE_KINDS = {
  rich_leader: l('致富能手', 'Leader in prosperity'),
  returnee: l('外出务工经商返乡人员', 'Returned migrant worker or trader'),
  local_graduate: l('本乡本土大学毕业生', 'Local university graduate'),
  veteran: l('退役军人', 'Veteran'),
} as const satisfies Record<string, Labelled>;
export type CadreKind = keyof typeof CADRE_KINDS;

/** Education levels of a cadre (the roster's words). */
export const CADRE_EDUCATIONS = EDUCATIONS;
export type CadreEducation = keyof typeof CADRE_EDUCATIONS;
/** The levels counted as 高中及以上 (high school or more). */
export const HIGH_SCHOOL_UP: readonly CadreEducation[] = ['senior', 'college', 'bachelor', 'postgraduate'];

/** Why a post ended. */
export const POST_END_REASONS = {
  term_end: l('换届离任', 'Left at the election'),
  resigned: l('辞职', 'Resigned'),
  adjusted: l('调整', 'Adjusted'),
  dismissed: l('免职', 'Dismissed'),
  retired: l('退休', 'Retired'),
  deceased: l('去世', 'Deceased'),
  other: l('其他', 'Other'),
} as const satisfies Record<string, Labelled>;
export type PostEndReason = keyof typeof POST_END_REASONS;

/** States of a new secretary's filing with the county (备案). */
export const FILING_STATUSES = {
  filed: l('已报备，待县委组织部确认', 'Filed, awaiting the county'),
  acknowledged: l('已备案', 'Acknowledged'),
  returned: l('已退回', 'Returned'),
} as const satisfies Record<string, Labelled>;
export type FilingStatus = keyof typeof FILING_STATUSES;

/** States of a candidate's joint review before appointment (联审). */
export const REVIEW_STATUSES = {
  reviewing: l('联审中', 'Under review'),
  cleared: l('联审通过', 'Cleared'),
  stopped: l('联审未通过', 'Stopped'),
} as const satisfies Record<string, Labelled>;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;

/** The units of the joint review (联审单位); a review names the ones it asks (by default all). */
export const REVIEW_UNITS = {
  discipline: l('县纪委监委', 'Discipline inspection commission'),
  organization: l('县委组织部', 'Organization department'),
  politics_law: l('县委政法委', 'Political and legal affairs commission'),
  police: l('县公安局', 'Public security bureau'),
  court: l('县人民法院', "People's court"),
  procuratorate: l('县人民检察院', "People's procuratorate"),
  justice: l('县司法局', 'Justice bureau'),
  petitions: l('县信访局', 'Petitions bureau'),
  health: l('县卫生健康局（计生）', 'Health commission (family planning)'),
  market: l('县市场监管局', 'Market regulation bureau'),
} as const satisfies Record<string, Labelled>;
export type ReviewUnit = keyof typeof REVIEW_UNITS;

/** A unit's verdict on a candidate. */
export const REVIEW_VERDICTS = {
  clear: l('无异议', 'Clear'),
  stop: l('有问题，不宜提名', 'Stop'),
} as const satisfies Record<string, Labelled>;
export type ReviewVerdict = keyof typeof REVIEW_VERDICTS;

/** The elections rule set (`elections`): targets the analytics flag, in percent (rules are data). */
export const ELECTIONS_RULE_DEFAULTS = {
  /** 一肩挑: share of villages whose secretary is also the director. */
  oneShoulderTargetPct: 85,
  /** 交叉任职: share of the villagers' committee's people also on the party committee. */
  crossTargetPct: 85,
  /** Share of the people of the "four kinds". */
  fourKindsTargetPct: 70,
  /** Share of women. */
  womenTargetPct: 20,
  /** Share with high school or more. */
  highSchoolTargetPct: 60,
  /** The average age at the term's start should not exceed this. */
  averageAgeMax: 45,
} as const;
export type ElectionsRuleKey = keyof typeof ELECTIONS_RULE_DEFAULTS;
export type ElectionsRules = { [K in ElectionsRuleKey]: number };
export const ELECTIONS_RULE_LABELS: Record<ElectionsRuleKey, Labelled> = {
  oneShoulderTargetPct: l('“一肩挑”比例目标（%）', 'One-shoulder target (%)'),
  crossTargetPct: l('“两委”交叉任职比例目标（%）', 'Cross-membership target (%)'),
  fourKindsTargetPct: l('“四类人员”比例目标（%）', 'Four kinds target (%)'),
  womenTargetPct: l('女性比例目标（%）', 'Women target (%)'),
  highSchoolTargetPct: l('高中及以上学历比例目标（%）', 'High school or more target (%)'),
  averageAgeMax: l('平均年龄上限（岁）', 'Highest average age'),
};
export const ELECTIONS_RULE_SET_LABEL = l('村“两委”换届指标', 'Village committee elections: the targets');

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
/** A term: its election year. */
const Term = (zh = '届次（换届年份）', en = 'Term (election year)') =>
  Type.Integer({ minimum: 2000, maximum: 2100, ...labelled(zh, en) });
const RefId = (zh: string, en: string) => Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...labelled(zh, en) });
const Kinds = Type.Array(Choice(CADRE_KINDS, '四类人员', 'Four kinds'), {
  maxItems: 4,
  uniqueItems: true,
  ...labelled('“四类人员”', 'Four kinds'),
});

/** One post in one term. */
export const CadrePostRecord = Type.Object({
  id: Type.Integer(),
  cadreId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  committee: KeyOf(CADRE_COMMITTEES),
  post: KeyOf(CADRE_POST_CODES),
  term: Type.Integer(),
  startedOn: Type.String(),
  endedOn: Nullable(Type.String({ description: 'null while the post is held' })),
  endReason: Nullable(KeyOf(POST_END_REASONS)),
  endNote: Nullable(Type.String()),
  ...Stamps,
});
export type CadrePostRecordT = Static<typeof CadrePostRecord>;

/** A person of the committees as a list row (the phone masked; no ID number). */
export const CadreItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  memberId: Nullable(Type.Integer({ description: 'the roster member this person is, if a party member' })),
  name: Type.String(),
  gender: KeyOf(GENDERS),
  birthDate: Type.String(),
  age: Type.Integer({ description: 'today, in whole years' }),
  kinds: Type.Array(KeyOf(CADRE_KINDS)),
  education: Nullable(KeyOf(CADRE_EDUCATIONS)),
  phone: Nullable(Type.String({ description: 'masked' })),
  note: Nullable(Type.String()),
  /** The posts held now (not ended, not deleted), latest term first. */
  currentPosts: Type.Array(
    Type.Object({ committee: KeyOf(CADRE_COMMITTEES), post: KeyOf(CADRE_POST_CODES), term: Type.Integer() }),
  ),
  ...Stamps,
});
export type CadreItemT = Static<typeof CadreItem>;

/** A person with the posts across terms (history, latest first; deleted posts only with `deletedAt`). */
export const CadreDetail = Type.Composite([
  CadreItem,
  Type.Object({
    posts: Type.Array(CadrePostRecord),
    /** Whether the caller may change the person and the posts. */
    canEdit: Type.Boolean(),
  }),
]);
export type CadreDetailT = Static<typeof CadreDetail>;
export const CadreList = ListOf(CadreItem);

export const CadreListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名', 'Name') })),
  committee: Type.Optional(Choice(CADRE_COMMITTEES, '班子', 'Committee')),
  post: Type.Optional(Choice(CADRE_POST_CODES, '职务', 'Post')),
  term: Type.Optional(Term()),
  kind: Type.Optional(Choice(CADRE_KINDS, '四类人员', 'Four kinds')),
  gender: Type.Optional(Choice(GENDERS, '性别', 'Gender')),
  education: Type.Optional(Choice(CADRE_EDUCATIONS, '学历', 'Education')),
  /** Only people holding a post now. */
  current: Type.Optional(Type.Boolean(labelled('现任', 'Holding a post now'))),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type CadreListQueryT = Static<typeof CadreListQuery>;

/**
 * A person of a village's committees. With `memberId` (a roster member in scope) the name, gender and birth date
 * come from the roster; otherwise they are required.
 */
export const CadreCreate = Body({
  orgId: RefId('所属村（社区）', 'Village or community'),
  memberId: Type.Optional(Nullable(RefId('关联党员', 'Roster member'))),
  name: Type.Optional(Words1(20, '姓名', 'Name')),
  gender: Type.Optional(Choice(GENDERS, '性别', 'Gender')),
  birthDate: Type.Optional(Day('出生日期', 'Birth date')),
  kinds: Type.Optional(Kinds),
  education: Type.Optional(Nullable(Choice(CADRE_EDUCATIONS, '学历', 'Education'))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM, ...labelled('联系电话', 'Phone') }))),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreCreateT = Static<typeof CadreCreate>;

/** Changes a person (the organization stays; a linked person's name, gender and birth date follow the roster). */
export const CadreUpdate = Body({
  memberId: Type.Optional(Nullable(RefId('关联党员', 'Roster member'))),
  name: Type.Optional(Words1(20, '姓名', 'Name')),
  gender: Type.Optional(Choice(GENDERS, '性别', 'Gender')),
  birthDate: Type.Optional(Day('出生日期', 'Birth date')),
  kinds: Type.Optional(Kinds),
  education: Type.Optional(Nullable(Choice(CADRE_EDUCATIONS, '学历', 'Education'))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, ...VERBATIM, ...labelled('联系电话', 'Phone') }))),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreUpdateT = Static<typeof CadreUpdate>;

/** A post in a term (`POST /api/cadres/:id/posts`). */
export const CadrePostCreate = Body({
  committee: Choice(CADRE_COMMITTEES, '班子', 'Committee'),
  post: Choice(CADRE_POST_CODES, '职务', 'Post'),
  term: Term(),
  startedOn: Day('任职日期', 'Started on'),
});
export type CadrePostCreateT = Static<typeof CadrePostCreate>;

/** Changes a post or ends it with a reason (`PATCH /api/cadres/:id/posts/:postId`). */
export const CadrePostUpdate = Body({
  startedOn: Type.Optional(Day('任职日期', 'Started on')),
  endedOn: Type.Optional(Nullable(Day('离任日期', 'Ended on'))),
  endReason: Type.Optional(Nullable(Choice(POST_END_REASONS, '离任原因', 'Reason it ended'))),
  endNote: Type.Optional(Nullable(Words(200, '离任说明', 'In words'))),
});
export type CadrePostUpdateT = Static<typeof CadrePostUpdate>;

export const CadrePostParams = Type.Object({ id: Id(), postId: Id() });

/** The election analytics: a subtree and a term. */
export const ElectionsQuery = Type.Object({
  org: Type.Optional(Id()),
  term: Term(),
});
export type ElectionsQueryT = Static<typeof ElectionsQuery>;

/** The measures of one subtree and term (shares are fractions 0–1; null when there is nothing to divide). */
export const ElectionMeasures = {
  villages: Type.Integer({ description: 'villages (communities) with posts in the term' }),
  oneShoulder: Type.Integer({ description: 'villages whose party secretary is also the director (一肩挑)' }),
  oneShoulderShare: Nullable(Type.Number()),
  villagersPeople: Type.Integer({ description: "people on the villagers' committee" }),
  cross: Type.Integer({ description: 'of them, people also on the party committee (交叉任职)' }),
  crossShare: Nullable(Type.Number()),
  people: Type.Integer({ description: 'distinct people holding a post in the term' }),
  posts: Type.Integer(),
  averageAge: Nullable(Type.Number({ description: "at the term's start, one decimal" })),
  previousAverageAge: Nullable(Type.Number()),
  ageChange: Nullable(Type.Number({ description: 'this term minus the previous one (negative: younger)' })),
  education: Type.Array(Type.Object({ education: Nullable(KeyOf(CADRE_EDUCATIONS)), count: Type.Integer() })),
  highSchoolUp: Type.Integer(),
  highSchoolUpShare: Nullable(Type.Number()),
  women: Type.Integer(),
  womenShare: Nullable(Type.Number()),
  kinds: Type.Array(Type.Object({ kind: KeyOf(CADRE_KINDS), count: Type.Integer(), share: Nullable(Type.Number()) })),
  anyKind: Type.Integer({ description: 'people of any of the four kinds' }),
  anyKindShare: Nullable(Type.Number()),
  newPeople: Type.Integer({ description: "this term's people who held no post in the previous term" }),
  turnoverShare: Nullable(Type.Number()),
};
export const ElectionRow = Type.Object({ orgId: Type.Integer(), orgName: Type.String(), ...ElectionMeasures });
export type ElectionRowT = Static<typeof ElectionRow>;

/** A target of the `elections` rule set, met or not. */
export const ElectionFlag = Type.Object({
  key: KeyOf(ELECTIONS_RULE_DEFAULTS),
  label: Type.String(),
  value: Nullable(Type.Number({ description: 'percent, or years for the average age' })),
  target: Type.Number(),
  met: Nullable(Type.Boolean()),
});
export const ElectionAnalytics = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  term: Type.Integer(),
  previousTerm: Nullable(Type.Integer()),
  ...ElectionMeasures,
  flags: Type.Array(ElectionFlag),
  /** The same per child organization (township rows for the county). */
  rows: Type.Array(ElectionRow),
});
export type ElectionAnalyticsT = Static<typeof ElectionAnalytics>;
/** The terms with posts in the caller's scope, latest first (for the term picker). */
export const ElectionTerms = Type.Object({ items: Type.Array(Type.Integer()) });

/** A new party secretary's filing with the county (备案). */
export const CadreFilingItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  cadreId: Type.Integer(),
  cadreName: Type.String(),
  term: Type.Integer(),
  appointedOn: Type.String(),
  status: KeyOf(FILING_STATUSES),
  filedOn: Type.String(),
  acknowledgedOn: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type CadreFilingItemT = Static<typeof CadreFilingItem>;
export const CadreFilingDetail = Type.Composite([
  CadreFilingItem,
  Type.Object({ events: Type.Array(TimelineEvent), actions: AllowedActions }),
]);
export type CadreFilingDetailT = Static<typeof CadreFilingDetail>;
export const CadreFilingList = ListOf(CadreFilingItem);
export const CadreFilingListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名', 'Name') })),
  status: Type.Optional(Choice(FILING_STATUSES, '备案状态', 'Filing state')),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') })),
  term: Type.Optional(Term()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type CadreFilingListQueryT = Static<typeof CadreFilingListQuery>;
/** The township files a new secretary (a person of its village) with the county. */
export const CadreFilingCreate = Body({
  cadreId: RefId('村（社区）党组织书记', 'Secretary'),
  term: Term(),
  appointedOn: Day('任职日期', 'Appointed on'),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreFilingCreateT = Static<typeof CadreFilingCreate>;
export const CadreFilingNote = Body({ note: Type.Optional(Nullable(Words(500, '说明', 'Note'))) });
export const CadreFilingReturn = Body({ reason: Words1(500, '退回原因', 'Reason') });

/** The filing flow: the township files; the county acknowledges or returns with a reason; a returned one is refiled. */
export const CADRE_FILING_FLOW = defineFlowSpec({
  entityType: 'cadre_filing',
  label: l('村党组织书记备案', "A secretary's filing"),
  states: FILING_STATUSES,
  actions: {
    file: moveSpec('报县委组织部备案', 'File with the county', 'filed', {
      from: [],
      to: 'filed',
      by: ['cadres.file'],
    }),
    acknowledge: moveSpec('确认备案', 'Acknowledge', 'acknowledged', {
      from: ['filed'],
      to: 'acknowledged',
      by: ['cadres.acknowledge'],
    }),
    return: moveSpec('退回', 'Return', 'returned', {
      from: ['filed'],
      to: 'returned',
      by: ['cadres.acknowledge'],
      required: ['reason'],
    }),
    refile: moveSpec('重新报备', 'File again', 'refiled', { from: ['returned'], to: 'filed', by: ['cadres.file'] }),
  },
});
export type CadreFilingAction = keyof typeof CADRE_FILING_FLOW.actions;

/** One unit's opinion on a candidate. */
export const ReviewOpinion = Type.Object({
  unit: KeyOf(REVIEW_UNITS),
  verdict: Nullable(KeyOf(REVIEW_VERDICTS)),
  reason: Nullable(Type.String()),
  on: Nullable(Type.String()),
});
/** A candidate's joint review before appointment (联审). */
export const CadreReviewItem = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  townshipId: Nullable(Type.Integer()),
  townshipName: Nullable(Type.String()),
  cadreId: Type.Integer(),
  cadreName: Type.String(),
  term: Type.Integer(),
  committee: KeyOf(CADRE_COMMITTEES),
  post: KeyOf(CADRE_POST_CODES),
  status: KeyOf(REVIEW_STATUSES),
  units: Type.Array(KeyOf(REVIEW_UNITS)),
  cleared: Type.Integer({ description: 'units that cleared' }),
  stoppedBy: Type.Array(KeyOf(REVIEW_UNITS)),
  note: Nullable(Type.String()),
  ...Stamps,
});
export type CadreReviewItemT = Static<typeof CadreReviewItem>;
export const CadreReviewDetail = Type.Composite([
  CadreReviewItem,
  Type.Object({
    opinions: Type.Array(ReviewOpinion),
    events: Type.Array(TimelineEvent),
    actions: AllowedActions,
  }),
]);
export type CadreReviewDetailT = Static<typeof CadreReviewDetail>;
export const CadreReviewList = ListOf(CadreReviewItem);
export const CadreReviewListQuery = Type.Object({
  org: Type.Optional(Id()),
  q: Type.Optional(Type.String({ maxLength: 40, ...labelled('姓名', 'Name') })),
  status: Type.Optional(Choice(REVIEW_STATUSES, '联审状态', 'Review state')),
  term: Type.Optional(Term()),
  deleted: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type CadreReviewListQueryT = Static<typeof CadreReviewListQuery>;
/** The township puts a candidate (a person of its village) to the joint review. */
export const CadreReviewCreate = Body({
  cadreId: RefId('人选', 'Candidate'),
  term: Term(),
  committee: Choice(CADRE_COMMITTEES, '班子', 'Committee'),
  post: Choice(CADRE_POST_CODES, '拟任职务', 'Proposed post'),
  units: Type.Optional(
    Type.Array(Choice(REVIEW_UNITS, '联审单位', 'Unit'), {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      ...labelled('联审单位', 'Units'),
    }),
  ),
  note: Type.Optional(Nullable(Words(500, '备注', 'Note'))),
});
export type CadreReviewCreateT = Static<typeof CadreReviewCreate>;
/** A unit's opinion: clear, or stop with a reason. */
export const CadreReviewOpinionBody = Body({
  unit: Choice(REVIEW_UNITS, '联审单位', 'Unit'),
  reason: Type.Optional(Nullable(Words(500, '意见说明', 'Reason'))),
});
export type CadreReviewOpinionBodyT = Static<typeof CadreReviewOpinionBody>;

/**
 * The joint review: opened by the township; each unit clears (the review stays under review until the last one
 * clears) or stops it with a reason (one stop stops the candidate).
 */
export const CADRE_REVIEW_FLOW = defineFlowSpec({
  entityType: 'cadre_review',
  label: l('村干部人选联审', "A candidate's joint review"),
  states: REVIEW_STATUSES,
  actions: {
    open: moveSpec('提请联审', 'Open the review', 'opened', { from: [], to: 'reviewing', by: ['cadres.write'] }),
    clear: moveSpec('联审单位无异议', 'A unit clears', 'unit_cleared', {
      from: ['reviewing'],
      to: ['reviewing', 'cleared'],
      by: ['cadres.review'],
      required: ['unit'],
    }),
    stop: moveSpec('联审单位否决', 'A unit stops', 'unit_stopped', {
      from: ['reviewing'],
      to: 'stopped',
      by: ['cadres.review'],
      required: ['unit', 'reason'],
    }),
  },
});
export type CadreReviewAction = keyof typeof CADRE_REVIEW_FLOW.actions;

/** `cadres.committees` and `cadres.filings` figures: their queries. */
export const CadreFilingsSummaryQuery = Type.Object({
  org: Type.Optional(Id()),
  year: Type.Integer({ minimum: 2000, maximum: 2100, ...labelled('年度', 'Year') }),
});
export const CadreFilingsSummary = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  filed: Type.Integer({ description: 'filings made in the year' }),
  acknowledged: Type.Integer(),
  returned: Type.Integer(),
  waiting: Type.Integer({ description: 'filed, not yet acknowledged or returned' }),
});
export type CadreFilingsSummaryT = Static<typeof CadreFilingsSummary>;
