/** The error codes of the learning module (area life), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the learning module. */
export const LEARNING_ERRORS = {
  'learning.too_many': { zh: '本月学习清单条目已达上限', en: 'This month’s list is full' },
  'learning.not_applicable': {
    zh: '该学习清单不适用于本党组织',
    en: 'This item does not apply to your organization',
  },
  'learning.already_held': { zh: '本支部已落实该学习清单条目', en: 'Your branch has already held this item' },
  'learning.meeting_month': {
    zh: '只能关联本支部在该月已召开的会议',
    en: 'Only a meeting of your branch held in that month',
  },
  'learning.meeting_required': { zh: '请选择会议', en: 'Choose the meeting' },
  'learning.session_date': {
    zh: '学习日期不能早于清单月份，也不能晚于今天',
    en: 'The day lies between the start of the month and today',
  },
  'learning.not_roster': { zh: '参学党员须是本支部党员', en: 'Attendees are members of your branch' },
  'learning.not_own': {
    zh: '只能修改本级制定的学习清单条目',
    en: 'Only the organization that set an item changes it',
  },
  'learning.has_holds': {
    zh: '已有支部落实该条目，不能删除',
    en: 'Branches have held this item: it cannot be deleted',
  },
} as const satisfies Record<string, Labelled>;
