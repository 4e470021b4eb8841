/** The error codes of the weakOrgs module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the weakOrgs module. */
export const WEAK_ORGS_ERRORS = {
  'weakOrgs.already_open': {
    zh: '该党组织已有正在整顿的软弱涣散档案，不能重复确定',
    en: 'This organization already has an open rectification file',
  },
  'weakOrgs.not_grassroots': {
    zh: '只能确定村（社区）党支部、党总支等基层党组织为软弱涣散党组织',
    en: 'Only a grassroots organization (a branch or general branch) can be flagged',
  },
  'weakOrgs.reason_required': {
    zh: '请至少选择一项软弱涣散的原因',
    en: 'Choose at least one reason',
  },
  'weakOrgs.other_needs_text': {
    zh: '选择“其他”原因时请写明具体情况',
    en: 'Describe the reason when choosing “Other”',
  },
  'weakOrgs.county_only': {
    zh: '原因、包抓领导和挂牌督战只能由县委组织部调整',
    en: 'Only the county changes the reasons, the leader and the listing',
  },
  'weakOrgs.file_closed': {
    zh: '该整顿档案已销号，不能再修改或录入',
    en: 'This file is released: it cannot change any more',
  },
  'weakOrgs.plan_required': {
    zh: '请先制定整顿方案（方案内容和整改措施）',
    en: 'Write the rectification plan (its text and measures) first',
  },
  'weakOrgs.checkup_taken': {
    zh: '本月已开展全面体检，请修改已有记录或选择其他月份',
    en: 'This month already has a check-up',
  },
  'weakOrgs.checkup_month': {
    zh: '体检月份不能早于确定整顿的月份，也不能晚于本月',
    en: 'The month lies between the flagging and this month',
  },
  'weakOrgs.checkup_topics': {
    zh: '请对班子运行、党员管理、村级治理、集体经济四项逐一体检，每项只填一次',
    en: 'Rate each of the four topics once',
  },
  'weakOrgs.acceptance_date': {
    zh: '验收日期不能早于确定整顿的日期，也不能晚于今天',
    en: 'The acceptance is dated between the flagging and today',
  },
  'weakOrgs.dissatisfied_over_panel': {
    zh: '不满意人数不能超过参加测评的人数',
    en: 'More dissatisfied than people asked',
  },
  'weakOrgs.not_accepted': {
    zh: '验收未通过（或尚未验收），不能销号',
    en: 'No passing acceptance yet: the file cannot be released',
  },
  'weakOrgs.wrong_state': {
    zh: '整顿档案当前状态下不能进行此操作',
    en: 'Not possible in the present state of the file',
  },
  'weakOrgs.measure_due': {
    zh: '整改措施的完成时限不能早于确定整顿的日期',
    en: 'A measure is due after the flagging',
  },
} as const satisfies Record<string, Labelled>;
