/** The error codes of the development module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the development module. */
export const DEVELOPMENT_ERRORS = {
  'development.out_of_order': {
    zh: '发展步骤不能跳过：请先完成前面的步骤',
    en: 'This step comes later: record the steps before it first',
  },
  'development.too_early': {
    zh: '未到该步骤可办理的时间',
    en: 'Too early for this step under the time rules',
  },
  'development.too_late': {
    zh: '已超过该步骤的办理时限，如确需办理请填写说明理由',
    en: 'Past the deadline of this step; give a written reason to record it anyway',
  },
  'development.beyond_limit': {
    zh: '已超过该步骤的最长时限，不能再办理',
    en: 'Past the longest time this step allows; it can no longer be recorded',
  },
  'development.wrong_stage': {
    zh: '该人员当前所处阶段不能办理此步骤',
    en: 'This step does not belong to the stage the candidate is in',
  },
  'development.already_done': { zh: '该步骤已办理', en: 'This step is already recorded' },
  'development.closed': {
    zh: '该人员已转正、不予发展或已中止，不能再办理',
    en: 'This candidacy has ended; nothing more can be recorded',
  },
  'development.not_committee': {
    zh: '该步骤由上级党委办理',
    en: 'The higher committee records this step',
  },
  'development.date_in_future': { zh: '办理日期不能晚于今天', en: 'The date cannot be later than today' },
  'development.date_before_previous': {
    zh: '办理日期不能早于上一步骤的日期',
    en: 'The date cannot be earlier than the previous step',
  },
  'development.contacts_required': {
    zh: '请指定1至2名本组织的党员作为培养联系人',
    en: 'Name one or two members of the organization as contacts',
  },
  'development.introducers_required': {
    zh: '请确定2名正式党员作为入党介绍人',
    en: 'Name two full members as introducers',
  },
  'development.introducer_not_full': {
    zh: '入党介绍人须为正式党员',
    en: 'An introducer must be a full member',
  },
  'development.talker_required': { zh: '请填写谈话人', en: 'Name who held the talk' },
  'development.training_short': {
    zh: '集中培训时间不足（至少3天或24学时）',
    en: 'Intensive training too short (at least 3 days or 24 class hours)',
  },
  'development.vote_required': { zh: '请录入支部大会表决情况', en: "Record the general meeting's vote" },
  'development.no_quorum': {
    zh: '到会有表决权的正式党员未超过应到会人数的一半',
    en: 'Fewer than half of the full members with a vote were present',
  },
  'development.vote_failed': {
    zh: '赞成票未超过应到会有表决权的正式党员的半数',
    en: 'The yes votes do not exceed half of the full members with a vote',
  },
  'development.meeting_not_general': {
    zh: '关联的会议须为本支部的党员大会',
    en: 'The linked meeting must be a general meeting of the branch',
  },
  'development.already_extended': { zh: '预备期只能延长一次', en: 'Probation is extended once at most' },
  'development.extension_range': {
    zh: '延长预备期须为6至12个月',
    en: 'An extension is 6 to 12 months',
  },
  'development.duplicate_person': {
    zh: '该身份证号已有正在进行的发展记录或已是党员',
    en: 'This ID number is already a candidate or a member',
  },
  'development.too_young': { zh: '申请入党须年满十八周岁', en: 'An applicant must be at least 18 years old' },
  'development.invalid_id_number': { zh: '身份证号码无效', en: 'The ID number is not valid' },
  'development.invalid_phone': { zh: '手机号码无效', en: 'The mobile number is not valid' },
  'development.org_not_branch': {
    zh: '入党申请须由党支部（党总支）受理',
    en: 'An application belongs to a branch or general branch',
  },
  'development.not_a_candidate': { zh: '您没有发展党员记录', en: 'You have no development record' },
} as const satisfies Record<string, Labelled>;
