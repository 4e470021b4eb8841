/** The error codes of the mobility module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the mobility module. */
export const MOBILITY_ERRORS = {
  'mobility.state': { zh: '该登记当前状态下不能进行此操作', en: 'This record cannot make that move in its state' },
  'mobility.already_away': {
    zh: '该党员已有未结束的外出或失联登记，请在原登记上操作',
    en: 'This member already has an open record of being away or out of contact',
  },
  'mobility.date_in_future': { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
  'mobility.date_before_since': {
    zh: '日期不能早于外出（失联）日期',
    en: 'The date cannot be before the member left or was lost',
  },
  'mobility.contact_not_in_org': {
    zh: '联系人须为该党员所在党组织的其他党员',
    en: 'The contact must be another member of the same organization',
  },
  'mobility.place_required': { zh: '请填写外出地点', en: 'Enter where the member has gone' },
} as const satisfies Record<string, Labelled>;
