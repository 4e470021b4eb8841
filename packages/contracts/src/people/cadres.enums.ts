/**
 * The cadres module's words (area people): the two committees, their posts, the four kinds, educations, why a post
 * ends, the states of a filing and of a joint review, the review units and verdicts, the elections rule set.
 */
import { CADRE_POSTS } from '../assessment/retraining.js';
import { EDUCATIONS, type Labelled } from '../core/enums.js';

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
