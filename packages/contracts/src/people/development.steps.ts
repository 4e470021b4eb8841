/**
 * The national 25 steps of member development (中国共产党发展党员工作细则, 2014) as data: an ordered catalogue, each
 * step with its stage, its time rules (counted from an earlier step, in days, months or working days, the numbers
 * being keys of the `development` rule set so that a county overrides them by year), its materials checklist and
 * what it records (a vote, people, training hours). The server checks a recorded step against this catalogue.
 */
import type { Labelled } from '../core/enums.js';
import type { DevelopmentRuleKey } from './development.rules.js';

function labels<K extends string>(map: Record<K, Labelled>) {
  return map;
}

/** The stages of a candidate: the five of the path, and the two ends off it (their history kept). */
export const DEVELOPMENT_STAGES = labels({
  applicant: { zh: '申请入党', en: 'Applicant' },
  activist: { zh: '入党积极分子', en: 'Activist' },
  target: { zh: '发展对象', en: 'Development target' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
  full: { zh: '正式党员', en: 'Full member' },
  refused: { zh: '不予发展', en: 'Not admitted' },
  lapsed: { zh: '已中止', en: 'Lapsed' },
});
export type DevelopmentStage = keyof typeof DEVELOPMENT_STAGES;
/** The stages of the path, in order (refused and lapsed are off it). */
export const DEVELOPMENT_PATH: readonly DevelopmentStage[] = [
  'applicant',
  'activist',
  'target',
  'probationary',
  'full',
];
/** The stages a candidate still moves on from. */
export const DEVELOPMENT_OPEN_STAGES: readonly DevelopmentStage[] = ['applicant', 'activist', 'target', 'probationary'];

/** The keys of the 25 steps, in catalogue order (the API's `step`). */
export const DEVELOPMENT_STEP_KEYS = [
  'application',
  'talk',
  'activist_recommendation',
  'activist_decision',
  'activist_filing',
  'contacts_assigned',
  'activist_review',
  'target_recommendation',
  'target_decision',
  'introducers_assigned',
  'political_review',
  'intensive_training',
  'branch_committee_review',
  'publicity',
  'pre_review',
  'application_form',
  'branch_vote',
  'committee_talk',
  'approval',
  'approval_filing',
  'oath',
  'probation_review',
  'conversion_application',
  'conversion_vote',
  'conversion_approval',
] as const;
export type DevelopmentStepKey = (typeof DEVELOPMENT_STEP_KEYS)[number];

/** The units a time rule counts in. */
export const TIME_UNITS = labels({
  days: { zh: '天', en: 'days' },
  months: { zh: '个月', en: 'months' },
  working_days: { zh: '个工作日', en: 'working days' },
});
export type TimeUnit = keyof typeof TIME_UNITS;

/** A span of a time rule: a number of the rule set (by key) in a unit. */
export interface RuleSpan {
  rule: DevelopmentRuleKey;
  unit: TimeUnit;
}

/**
 * A time rule of a step, counted from an earlier step's date (or the end of probation): the step opens `min`
 * after it and is due `max` after it; past `hardMax` even a written reason does not let it through.
 */
export interface StepTiming {
  from: DevelopmentStepKey | 'probation_end';
  /** The step counted from when `from` has no record yet (a repeated step counts from its own last record). */
  fallback?: DevelopmentStepKey;
  /** The step opens on the day it counts from (no earlier), when no `min` span is set. */
  notBefore?: boolean;
  min?: RuleSpan;
  max?: RuleSpan;
  hardMax?: RuleSpan;
}

/** Who records a step: the branch (`development.write`) or the higher committee (`development.approve`). */
export type StepBy = 'branch' | 'committee';

/** One step of the catalogue. */
export interface StepDef {
  no: number;
  label: Labelled;
  /** The stage the candidate is in when the step is recorded. */
  stage: DevelopmentStage;
  /** The stage the candidate moves to once it is recorded (its workflow move), if any. */
  moveTo?: DevelopmentStage;
  by: StepBy;
  /** Steps that must be recorded before it (besides the previous stage's). */
  after: readonly DevelopmentStepKey[];
  timing: readonly StepTiming[];
  /** Whether it is recorded again and again (quarterly reviews), not once. */
  repeats?: boolean;
  /** Whether it is optional: the path goes on without it. */
  optional?: boolean;
  /** What the step's record must carry besides the date. */
  needs?: readonly ('vote' | 'contacts' | 'introducers' | 'talker' | 'training' | 'months')[];
  materials: readonly DevelopmentMaterial[];
}

/** The materials of the file (入党材料), each checked off at its step. */
export const DEVELOPMENT_MATERIALS = labels({
  application_letter: { zh: '入党申请书', en: 'Application letter' },
  talk_record: { zh: '谈话记录', en: 'Talk record' },
  recommendation_record: { zh: '推荐材料', en: 'Recommendation record' },
  activist_registration: { zh: '入党积极分子登记表', en: 'Activist registration form' },
  filing_report: { zh: '备案报告', en: 'Filing report' },
  review_record: { zh: '培养考察登记表', en: 'Review record' },
  thought_report: { zh: '思想汇报', en: 'Thought report' },
  opinions: { zh: '党员和群众意见', en: "Members' and the public's opinions" },
  committee_minutes: { zh: '支部委员会会议记录', en: 'Committee minutes' },
  political_review_report: { zh: '政治审查报告', en: 'Political review report' },
  training_certificate: { zh: '培训结业证书', en: 'Training certificate' },
  publicity_notice: { zh: '公示材料', en: 'Publicity notice' },
  pre_review_opinion: { zh: '预审意见', en: 'Pre-review opinion' },
  application_form: { zh: '入党志愿书', en: 'Application form' },
  meeting_minutes: { zh: '支部大会会议记录', en: 'General meeting minutes' },
  approval_document: { zh: '审批文件', en: 'Approval document' },
  oath_record: { zh: '入党宣誓记录', en: 'Oath record' },
  conversion_application: { zh: '转正申请书', en: 'Conversion application' },
});
export type DevelopmentMaterial = keyof typeof DEVELOPMENT_MATERIALS;

const span = (rule: DevelopmentRuleKey, unit: TimeUnit): RuleSpan => ({ rule, unit });
const step = (no: number, zh: string, en: string, rest: Omit<StepDef, 'no' | 'label'>): StepDef => ({
  no,
  label: { zh, en },
  ...rest,
});

/** The 25 steps, in order. */
export const DEVELOPMENT_STEPS: Record<DevelopmentStepKey, StepDef> = {
  application: step(1, '递交入党申请书', 'Application', {
    stage: 'applicant',
    by: 'branch',
    after: [],
    timing: [],
    materials: ['application_letter'],
  }),
  talk: step(2, '党组织派人谈话', 'Talk with the applicant', {
    stage: 'applicant',
    by: 'branch',
    after: ['application'],
    timing: [{ from: 'application', max: span('talkWithinDays', 'days') }],
    needs: ['talker'],
    materials: ['talk_record'],
  }),
  activist_recommendation: step(3, '推荐入党积极分子', 'Activist recommendation', {
    stage: 'applicant',
    by: 'branch',
    after: ['talk'],
    timing: [],
    materials: ['recommendation_record'],
  }),
  activist_decision: step(4, '确定入党积极分子', 'Activist decision', {
    stage: 'applicant',
    moveTo: 'activist',
    by: 'branch',
    after: ['activist_recommendation'],
    timing: [],
    materials: ['committee_minutes', 'activist_registration'],
  }),
  activist_filing: step(5, '报上级党委备案', 'Filing with the higher committee', {
    stage: 'activist',
    by: 'branch',
    after: ['activist_decision'],
    timing: [],
    materials: ['filing_report'],
  }),
  contacts_assigned: step(6, '指定培养联系人', 'Contacts assigned', {
    stage: 'activist',
    by: 'branch',
    after: ['activist_decision'],
    timing: [],
    needs: ['contacts'],
    materials: [],
  }),
  activist_review: step(7, '培养教育考察', 'Quarterly review', {
    stage: 'activist',
    by: 'branch',
    after: ['contacts_assigned'],
    timing: [{ from: 'activist_review', fallback: 'activist_decision', max: span('reviewEveryMonths', 'months') }],
    repeats: true,
    materials: ['review_record', 'thought_report'],
  }),
  target_recommendation: step(8, '听取意见、推荐发展对象', 'Target recommendation', {
    stage: 'activist',
    by: 'branch',
    after: ['activist_review'],
    timing: [{ from: 'activist_decision', min: span('activistMinMonths', 'months') }],
    materials: ['opinions'],
  }),
  target_decision: step(9, '确定发展对象', 'Development-target decision', {
    stage: 'activist',
    moveTo: 'target',
    by: 'branch',
    after: ['target_recommendation'],
    timing: [{ from: 'activist_decision', min: span('activistMinMonths', 'months') }],
    materials: ['committee_minutes', 'filing_report'],
  }),
  introducers_assigned: step(10, '确定入党介绍人', 'Introducers assigned', {
    stage: 'target',
    by: 'branch',
    after: ['target_decision'],
    timing: [],
    needs: ['introducers'],
    materials: [],
  }),
  political_review: step(11, '进行政治审查', 'Political review', {
    stage: 'target',
    by: 'branch',
    after: ['target_decision'],
    timing: [],
    materials: ['political_review_report'],
  }),
  intensive_training: step(12, '开展集中培训', 'Intensive training', {
    stage: 'target',
    by: 'branch',
    after: ['target_decision'],
    timing: [],
    needs: ['training'],
    materials: ['training_certificate'],
  }),
  branch_committee_review: step(13, '支部委员会审查', 'Branch committee review', {
    stage: 'target',
    by: 'branch',
    after: ['introducers_assigned', 'political_review', 'intensive_training'],
    timing: [],
    materials: ['committee_minutes'],
  }),
  publicity: step(14, '发展对象公示', 'Publicity (公示)', {
    stage: 'target',
    by: 'branch',
    after: ['branch_committee_review'],
    timing: [],
    materials: ['publicity_notice'],
  }),
  pre_review: step(15, '上级党委预审', 'Pre-review by the higher committee', {
    stage: 'target',
    by: 'committee',
    after: ['publicity'],
    timing: [{ from: 'publicity', min: span('publicityMinWorkingDays', 'working_days') }],
    materials: ['pre_review_opinion'],
  }),
  application_form: step(16, '填写入党志愿书', 'Application form', {
    stage: 'target',
    by: 'branch',
    after: ['pre_review'],
    timing: [],
    materials: ['application_form'],
  }),
  branch_vote: step(17, '支部大会讨论', "The branch general meeting's vote", {
    stage: 'target',
    by: 'branch',
    after: ['application_form'],
    timing: [{ from: 'political_review', max: span('politicalReviewValidMonths', 'months') }],
    needs: ['vote'],
    materials: ['meeting_minutes'],
  }),
  committee_talk: step(18, '上级党委派人谈话', 'Talk by the higher committee', {
    stage: 'target',
    by: 'committee',
    after: ['branch_vote'],
    timing: [{ from: 'branch_vote', max: span('approvalWithinMonths', 'months') }],
    needs: ['talker'],
    materials: ['talk_record'],
  }),
  approval: step(19, '上级党委审批', 'Approval by the higher committee', {
    stage: 'target',
    moveTo: 'probationary',
    by: 'committee',
    after: ['committee_talk'],
    timing: [
      {
        from: 'branch_vote',
        max: span('approvalWithinMonths', 'months'),
        hardMax: span('approvalMaxMonths', 'months'),
      },
    ],
    materials: ['approval_document'],
  }),
  approval_filing: step(20, '报再上级党委组织部门备案', 'Filing with the organization department', {
    stage: 'probationary',
    by: 'committee',
    after: ['approval'],
    timing: [],
    materials: ['filing_report'],
  }),
  oath: step(21, '入党宣誓', 'Oath', {
    stage: 'probationary',
    by: 'branch',
    after: ['approval'],
    timing: [],
    materials: ['oath_record'],
  }),
  probation_review: step(22, '继续教育考察', 'Review during probation', {
    stage: 'probationary',
    by: 'branch',
    after: ['approval'],
    timing: [{ from: 'probation_review', fallback: 'approval', max: span('reviewEveryMonths', 'months') }],
    repeats: true,
    materials: ['review_record', 'thought_report'],
  }),
  conversion_application: step(23, '提出转正申请', 'Conversion application', {
    stage: 'probationary',
    by: 'branch',
    after: ['oath'],
    timing: [{ from: 'probation_end', max: span('conversionVoteWithinDays', 'days') }],
    materials: ['conversion_application'],
  }),
  conversion_vote: step(24, '支部大会讨论转正', "The general meeting's conversion vote", {
    stage: 'probationary',
    by: 'branch',
    after: ['conversion_application'],
    timing: [
      {
        from: 'probation_end',
        notBefore: true,
        max: span('conversionVoteWithinDays', 'days'),
      },
    ],
    needs: ['vote'],
    materials: ['meeting_minutes'],
  }),
  conversion_approval: step(25, '上级党委审批转正', 'Conversion approval', {
    stage: 'probationary',
    moveTo: 'full',
    by: 'committee',
    after: ['conversion_vote'],
    timing: [
      {
        from: 'conversion_vote',
        max: span('approvalWithinMonths', 'months'),
        hardMax: span('approvalMaxMonths', 'months'),
      },
    ],
    materials: ['approval_document'],
  }),
};
/** The step labels, as an enum map (for `KeyOf` and the web's selects). */
export const DEVELOPMENT_STEP_LABELS = Object.fromEntries(
  DEVELOPMENT_STEP_KEYS.map((k) => [k, DEVELOPMENT_STEPS[k].label]),
) as Record<DevelopmentStepKey, Labelled>;
