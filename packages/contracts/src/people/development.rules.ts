/** The time rules of member development with their national defaults: the `development` rule set's keys. */
import type { Labelled } from '../core/enums.js';

/**
 * The county-adjustable time rules, with their national defaults (the `development` rule set). Each number is
 * read by the step catalogue's time rules below, and by the deadline job (`warnDays`).
 */
export const DEVELOPMENT_RULE_DEFAULTS = {
  /** 党组织派人谈话: within a month (30 days) of the application. */
  talkWithinDays: 30,
  /** At least a year as activist before becoming a development target. */
  activistMinMonths: 12,
  /** Quarterly reviews (每季度考察一次) of activists and probationary members: due this many months after the last. */
  reviewEveryMonths: 3,
  /** Intensive training (集中培训): at least 3 days or 24 class hours (学时). */
  trainingMinDays: 3,
  trainingMinHours: 24,
  /** A political review stays valid a year: the branch vote comes within it. */
  politicalReviewValidMonths: 12,
  /** 公示 of at least 5 working days before the higher committee's pre-review. */
  publicityMinWorkingDays: 5,
  /** The higher committee approves within 3 months of the branch vote; 6 at most (beyond 3 only with a reason). */
  approvalWithinMonths: 3,
  approvalMaxMonths: 6,
  /** Probation: a year, extendable once by 6 to 12 months. */
  probationMonths: 12,
  extensionMinMonths: 6,
  extensionMaxMonths: 12,
  /** The conversion vote opens when probation ends and is due within this many days after. */
  conversionVoteWithinDays: 30,
  /** Days before a deadline the branch secretary is reminded. */
  warnDays: 7,
} as const;
export type DevelopmentRuleKey = keyof typeof DEVELOPMENT_RULE_DEFAULTS;
export type DevelopmentRules = { [K in DevelopmentRuleKey]: number };

/** Labels of the rules, for the one rules page. */
export const DEVELOPMENT_RULE_LABELS: Record<DevelopmentRuleKey, Labelled> = {
  talkWithinDays: { zh: '递交申请后谈话时限（天）', en: 'Days to talk with an applicant' },
  activistMinMonths: { zh: '积极分子培养至少（月）', en: 'Months as activist, at least' },
  reviewEveryMonths: { zh: '积极分子考察间隔（月）', en: 'Months between activist reviews' },
  trainingMinDays: { zh: '集中培训至少（天）', en: 'Days of intensive training, at least' },
  trainingMinHours: { zh: '集中培训至少（学时）', en: 'Class hours of intensive training, at least' },
  politicalReviewValidMonths: { zh: '政治审查有效期（月）', en: 'Months a political review stays valid' },
  publicityMinWorkingDays: { zh: '公示至少（工作日）', en: 'Working days of publicity, at least' },
  approvalWithinMonths: { zh: '上级党委审批时限（月）', en: 'Months for the approval' },
  approvalMaxMonths: { zh: '审批最长时限（月）', en: 'Months for the approval, at most' },
  probationMonths: { zh: '预备期（月）', en: 'Months of probation' },
  extensionMinMonths: { zh: '延长预备期至少（月）', en: 'Months of an extension, at least' },
  extensionMaxMonths: { zh: '延长预备期至多（月）', en: 'Months of an extension, at most' },
  conversionVoteWithinDays: { zh: '预备期满后讨论转正时限（天）', en: 'Days after probation to vote on conversion' },
  warnDays: { zh: '到期前提醒（天）', en: 'Days of warning before a deadline' },
};

/** The words of the development routes' fields (bodies and queries), gathered into the shared FIELD_LABELS. */
export const DEVELOPMENT_FIELD_LABELS: Record<string, Labelled> = {
  appliedOn: { zh: '递交申请日期', en: 'Applied on' },
  contactIds: { zh: '培养联系人', en: 'Contacts' },
  date: { zh: '日期', en: 'Date' },
  entitled: { zh: '应到会有表决权的正式党员数', en: 'Full members with a vote' },
  introducerIds: { zh: '入党介绍人', en: 'Introducers' },
  material: { zh: '材料', en: 'Material' },
  materials: { zh: '材料清单', en: 'Materials' },
  fileId: { zh: '材料文件', en: 'File' },
  meetingId: { zh: '党员大会', en: 'General meeting' },
  months: { zh: '月数', en: 'Months' },
  outsidePlan: { zh: '计划外发展', en: 'Outside the plan' },
  overrideReason: { zh: '超时限办理的理由', en: 'Reason for a late step' },
  planYear: { zh: '计划年度', en: 'Plan year' },
  presentVoting: { zh: '实到有表决权的正式党员数', en: 'Full members with a vote present' },
  stage: { zh: '发展阶段', en: 'Stage' },
  step: { zh: '发展步骤', en: 'Step' },
  talkerMemberId: { zh: '谈话人', en: 'Talker' },
  talkerName: { zh: '谈话人', en: 'Talker' },
  trainingDays: { zh: '培训天数', en: 'Training days' },
  trainingHours: { zh: '培训学时', en: 'Class hours' },
  vote: { zh: '表决情况', en: 'Vote' },
};
