/** The error codes of organizational life, zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the meetings module. */
export const MEETINGS_ERRORS = {
  'meetings.kind_not_applicable': {
    zh: '该组织不召开此类会议',
    en: 'This kind of meeting does not apply to this organization',
  },
  'meetings.in_future': {
    zh: '召开日期超出了可提前安排的天数（见组织生活时限）',
    en: 'A meeting cannot be planned that far ahead (see the time limits)',
  },
  'meetings.checkin_too_early': {
    zh: '离会议开始还早，尚不能立即开始签到（见组织生活时限）',
    en: 'The meeting is too far off to start sign-in now (see the time limits)',
  },
  'meetings.not_attendee': { zh: '该党员不是本次会议的应到人员', en: 'This member is not expected at this meeting' },
  'meetings.votes_exceed': { zh: '表决票数超过到会有表决权的正式党员人数', en: 'More votes than full members present' },
  'meetings.too_many_excellent': {
    zh: '评定为优秀的党员不能超过参评党员的三分之一',
    en: 'No more than one third of members may be graded excellent',
  },
  'meetings.review_only': {
    zh: '只有民主评议党员会议可以录入评议等次',
    en: 'Grades belong to a democratic review meeting',
  },
  'meetings.votes_only': { zh: '只有支部党员大会可以录入表决', en: 'Votes belong to a general meeting' },
  'meetings.checkin_invalid': { zh: '签到码无效或不在签到时间内', en: 'The sign-in code is wrong or not valid now' },
  'meetings.checkin_not_yet': {
    zh: '签到尚未开始，请在签到开始后再试',
    en: 'Sign-in has not opened yet; try again when it opens',
  },
  'meetings.checkin_not_expected': { zh: '您不是本次会议的应到人员', en: 'You are not expected at this meeting' },
  'meetings.bad_period': {
    zh: '统计周期格式应为 YYYY-MM、YYYY-Qn 或 YYYY',
    en: 'The period must be YYYY-MM, YYYY-Qn or YYYY',
  },
} as const satisfies Record<string, Labelled>;
