/** The error codes of the cadres module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the cadres module. */
export const CADRES_ERRORS = {
  'cadres.not_village': {
    zh: '村“两委”成员只能属于村（社区）党组织',
    en: 'A committee person belongs to a village or community organization',
  },
  'cadres.person_required': {
    zh: '未关联党员时请填写姓名、性别和出生日期',
    en: 'Without a roster member, give the name, gender and birth date',
  },
  'cadres.member_taken': {
    zh: '该党员已有村“两委”成员记录',
    en: 'This roster member already has a committee record',
  },
  'cadres.invalid_phone': { zh: '手机号码无效', en: 'The mobile number is not valid' },
  'cadres.post_mismatch': {
    zh: '该职务不属于所选班子',
    en: 'This post does not belong to the committee chosen',
  },
  'cadres.post_taken': {
    zh: '该村本届已有人担任此职务（主职只能一人）',
    en: 'Someone already holds this post in this term',
  },
  'cadres.post_duplicate': {
    zh: '此人本届已担任该班子职务',
    en: 'This person already holds a post on this committee in this term',
  },
  'cadres.date_order': {
    zh: '离任日期不能早于任职日期',
    en: 'The end cannot come before the start',
  },
  'cadres.end_reason_required': {
    zh: '离任时请选择离任原因',
    en: 'Choose why the post ended',
  },
  'cadres.post_ended': { zh: '该职务已离任', en: 'This post has ended' },
  'cadres.not_secretary': {
    zh: '只有本届任村（社区）党组织书记的人员才能报备',
    en: 'Only a party secretary of the term is filed',
  },
  'cadres.already_filed': {
    zh: '该书记本届已报备',
    en: 'This secretary is already filed for the term',
  },
  'cadres.review_open': {
    zh: '该人选本届已有联审',
    en: 'This candidate already has a review for the term',
  },
  'cadres.unit_not_asked': {
    zh: '该单位不在本次联审单位之列',
    en: 'This unit is not asked in this review',
  },
  'cadres.unit_done': {
    zh: '该单位已提出意见',
    en: 'This unit has already given its opinion',
  },
  'cadres.wrong_state': {
    zh: '当前状态下不能进行此操作',
    en: 'Not possible in the present state',
  },
} as const satisfies Record<string, Labelled>;
