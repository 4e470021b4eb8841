/** The error codes of the retraining module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the retraining module. */
export const RETRAINING_ERRORS = {
  'retraining.already_open': {
    zh: '该干部已有正在进行的停职整训档案，不能重复停职',
    en: 'This cadre already has an open retraining file',
  },
  'retraining.not_village': {
    zh: '只能对村（社区）党组织的干部停职整训',
    en: 'Only cadres of a village or community organization are retrained',
  },
  'retraining.reason_required': { zh: '请至少选择一项停职原因', en: 'Choose at least one reason' },
  'retraining.other_needs_text': {
    zh: '选择“其他”原因或职务时请写明具体情况',
    en: 'Describe it in words when choosing “Other”',
  },
  'retraining.date_range': {
    zh: '日期不能早于停职日期，也不能晚于今天',
    en: 'The date lies between the suspension and today',
  },
  'retraining.hours_short': {
    zh: '参加整训课时不足，暂不能测试',
    en: 'Not enough class hours attended for the test',
  },
  'retraining.not_passed': {
    zh: '测试未达到合格分，不能复职',
    en: 'The test was not passed: the cadre cannot be reinstated',
  },
  'retraining.closed': {
    zh: '该整训档案已作出复职或调整决定，不能再修改',
    en: 'This file is decided: it cannot change any more',
  },
  'retraining.wrong_state': {
    zh: '整训档案当前状态下不能进行此操作',
    en: 'Not possible in the present state of the file',
  },
} as const satisfies Record<string, Labelled>;
