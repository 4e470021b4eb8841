/** The error codes of the dispatches module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the dispatches module. */
export const DISPATCHES_ERRORS = {
  'dispatches.team_required': {
    zh: '驻村工作队请填写队内职务；队员请选择所属工作队',
    en: 'A work team dispatch names its place in the team; a member names the team',
  },
  'dispatches.team_only': { zh: '只有驻村工作队有队内职务和所属工作队', en: 'Only a work team has teams' },
  'dispatches.team_unknown': { zh: '所选工作队不存在或不是工作队队长', en: 'The team is not found' },
  'dispatches.dates': { zh: '离岗或期满日期不能早于派驻日期', en: 'The end cannot come before the start' },
  'dispatches.replaces_same_kind': {
    zh: '轮换只能接替同一类型、仍在岗的派驻',
    en: 'A rotation replaces an on-duty dispatch of the same kind',
  },
  'dispatches.org_not_place': {
    zh: '派驻对象应为村（社区）等基层党组织',
    en: 'Dispatches go to grassroots organizations',
  },
  'dispatches.phone': { zh: '手机号格式不正确', en: 'Not a valid mobile number' },
  'dispatches.month_outside': {
    zh: '该月不在派驻期内，或晚于本月',
    en: 'The month is outside the dispatch or in the future',
  },
  'dispatches.days_month': { zh: '在村天数不能超过当月天数', en: 'More days than the month has' },
} as const satisfies Record<string, Labelled>;
