/**
 * Serving residents: the enumerations (with zh-CN and English labels) and the rules as data with their national
 * defaults.
 */
import type { Labelled } from '../core/enums.js';

function labels<K extends string>(map: Record<K, Labelled>) {
  return map;
}

/** Household tags (户类标签). The first four mark a poor household for groups and pairing. */
export const HOUSEHOLD_TAGS = labels({
  lifted_out: { zh: '脱贫户', en: 'Lifted out of poverty' },
  monitored: { zh: '监测户', en: 'Monitored household' },
  subsistence: { zh: '低保户', en: 'Subsistence allowance' },
  five_guarantees: { zh: '五保户', en: 'Five guarantees' },
  disabled: { zh: '残疾', en: 'Disability' },
  elderly_alone: { zh: '独居老人', en: 'Elderly living alone' },
  left_behind: { zh: '留守', en: 'Left-behind family' },
  military: { zh: '军属', en: 'Military family' },
  ordinary: { zh: '一般户', en: 'Ordinary household' },
});
export type HouseholdTag = keyof typeof HOUSEHOLD_TAGS;
/** Tags that make a household count as poor (困难户) for household groups and pairing. */
export const POOR_TAGS: readonly HouseholdTag[] = ['lifted_out', 'monitored', 'subsistence', 'five_guarantees'];

/** A resident's relation to the head of the household (与户主关系). */
export const RESIDENT_RELATIONS = labels({
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
});
export type ResidentRelation = keyof typeof RESIDENT_RELATIONS;

/** Who leads a household group (三带: 党员带、能人带、富户带). */
export const GROUP_LEADER_KINDS = labels({
  member: { zh: '党员', en: 'Party member' },
  capable: { zh: '能人', en: 'Capable person' },
  well_off: { zh: '富户', en: 'Well-off farmer' },
});
export type GroupLeaderKind = keyof typeof GROUP_LEADER_KINDS;

/** Where a request came in (三访 plus online and hotline). */
export const REQUEST_CHANNELS = labels({
  outreach: { zh: '下访', en: 'Door-to-door visit' },
  reception: { zh: '接访', en: 'Reception at the centre' },
  complaint: { zh: '投诉访', en: 'Complaint' },
  online: { zh: '网上', en: 'Online' },
  hotline: { zh: '热线', en: 'Hotline' },
});
export type RequestChannel = keyof typeof REQUEST_CHANNELS;

/** What a request is about. */
export const REQUEST_CATEGORIES = labels({
  livelihood: { zh: '生产生活', en: 'Daily life and work' },
  infrastructure: { zh: '道路水电', en: 'Roads, water, power' },
  land: { zh: '土地山林', en: 'Land and forest' },
  social_security: { zh: '社保低保', en: 'Social security' },
  medical: { zh: '医疗卫生', en: 'Health care' },
  education: { zh: '教育就学', en: 'Schooling' },
  environment: { zh: '环境卫生', en: 'Environment' },
  dispute: { zh: '矛盾纠纷', en: 'Disputes' },
  employment: { zh: '就业增收', en: 'Jobs and income' },
  other: { zh: '其他', en: 'Other' },
});
export type RequestCategory = keyof typeof REQUEST_CATEGORIES;

/** Three-level handling (三级联动办理). */
export const REQUEST_LEVELS = labels({
  on_the_spot: { zh: '当场办', en: 'On the spot' },
  studied: { zh: '研究办', en: 'After study' },
  coordinated: { zh: '协调办', en: 'With other departments' },
});
export type RequestLevel = keyof typeof REQUEST_LEVELS;

/** Where a request stands. Overdue is not a status: it is open past its deadline. */
export const REQUEST_STATUSES = labels({
  open: { zh: '办理中', en: 'In progress' },
  closed: { zh: '已办结', en: 'Closed' },
  reopened: { zh: '重新办理', en: 'Reopened' },
});
export type RequestStatus = keyof typeof REQUEST_STATUSES;

/** The resident's rating of a closed request. */
export const SATISFACTION = labels({
  satisfied: { zh: '满意', en: 'Satisfied' },
  fairly_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Unsatisfied' },
});
export type Satisfaction = keyof typeof SATISFACTION;

/** The three evaluations (三评). */
export const EVALUATION_KINDS = labels({
  monthly_review: { zh: '领导月点评', en: "Leader's monthly review" },
  half_year_residents: { zh: '群众半年评', en: "Residents' half-year evaluation" },
  year_end_org: { zh: '组织年终评', en: 'Year-end organization evaluation' },
});
export type EvaluationKind = keyof typeof EVALUATION_KINDS;

/** Year-end grades of an organization's service work. */
export const EVALUATION_GRADES = labels({
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  poor: { zh: '较差', en: 'Poor' },
});
export type EvaluationGrade = keyof typeof EVALUATION_GRADES;

/** Micro-wish or micro-suggestion. */
export const WISH_KINDS = labels({
  wish: { zh: '微心愿', en: 'Micro-wish' },
  suggestion: { zh: '微建议', en: 'Micro-suggestion' },
});
export type WishKind = keyof typeof WISH_KINDS;

/** Where a wish stands. */
export const WISH_STATUSES = labels({
  open: { zh: '待认领', en: 'Open' },
  claimed: { zh: '已认领', en: 'Claimed' },
  fulfilled: { zh: '待确认', en: 'Fulfilled, awaiting confirmation' },
  confirmed: { zh: '已实现', en: 'Confirmed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
});
export type WishStatus = keyof typeof WISH_STATUSES;

/** Who posted a wish. */
export const WISH_SOURCES = labels({
  phone: { zh: '群众手机提交', en: 'Resident on the phone' },
  worker: { zh: '村（社区）代录', en: 'Entered by a village worker' },
});
export type WishSource = keyof typeof WISH_SOURCES;

/** Where a proxy errand stands. */
export const ERRAND_STATUSES = labels({
  in_progress: { zh: '代办中', en: 'In progress' },
  done: { zh: '已办结', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export type ErrandStatus = keyof typeof ERRAND_STATUSES;

/** The county-adjustable rules of service work, each with its national default (rules are data). */
export const RESIDENTS_RULE_DEFAULTS = {
  /** Households in a household group (三带五联: about five). */
  groupSizeMin: 3,
  groupSizeMax: 7,
  /** Poor households a group should include (2–3). */
  groupPoorMin: 2,
  groupPoorMax: 3,
  /** Poor households per paired cadre (3–5). */
  pairingLoadMin: 3,
  pairingLoadMax: 5,
  /** Days to close a 研究办 and a 协调办 request. */
  studiedDays: 7,
  coordinatedDays: 15,
  /** Every village is visited at least this often (quarter). */
  villageVisitsPerQuarter: 1,
  /** A township cadre visits at least on this many days and this many households a week. */
  cadreVisitDaysPerWeek: 2,
  cadreVisitHouseholdsPerWeek: 30,
  /** Days a member has to fulfil a claimed wish before it is released to others. */
  wishClaimDays: 14,
  /** A dissatisfied rating reopens a request this many times at most. */
  reopenLimit: 1,
} as const;
export type ResidentsRuleKey = keyof typeof RESIDENTS_RULE_DEFAULTS;
export type ResidentsRules = { [K in ResidentsRuleKey]: number };

/** Labels of the service rules, for the rules page. */
export const RESIDENTS_RULE_LABELS: Record<ResidentsRuleKey, Labelled> = {
  groupSizeMin: { zh: '联户组最少户数', en: 'Households per group, at least' },
  groupSizeMax: { zh: '联户组最多户数', en: 'Households per group, at most' },
  groupPoorMin: { zh: '联户组至少含困难户', en: 'Poor households per group, at least' },
  groupPoorMax: { zh: '联户组至多含困难户', en: 'Poor households per group, at most' },
  pairingLoadMin: { zh: '每名干部至少结对困难户', en: 'Poor households per cadre, at least' },
  pairingLoadMax: { zh: '每名干部至多结对困难户', en: 'Poor households per cadre, at most' },
  studiedDays: { zh: '研究办办结时限（天）', en: 'Days to close a request after study' },
  coordinatedDays: { zh: '协调办办结时限（天）', en: 'Days to close a request with departments' },
  villageVisitsPerQuarter: { zh: '每村每季度至少走访次数', en: 'Visits per village per quarter, at least' },
  cadreVisitDaysPerWeek: { zh: '乡镇干部每周走访天数', en: 'Visiting days per township cadre per week' },
  cadreVisitHouseholdsPerWeek: { zh: '乡镇干部每周走访户数', en: 'Households visited per township cadre per week' },
  wishClaimDays: { zh: '认领心愿后完成时限（天）', en: 'Days to fulfil a claimed wish' },
  reopenLimit: { zh: '不满意可重新办理次数', en: 'Times a dissatisfied request reopens' },
};
