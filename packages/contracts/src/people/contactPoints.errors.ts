/** The error codes of the contactPoints module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the contactPoints module. */
export const CONTACT_POINTS_ERRORS = {
  'contactPoints.duplicate': { zh: '该领导已联系这个党组织', en: 'The leader already has this organization' },
  'contactPoints.leader_unknown': { zh: '所选县级领导不存在', en: 'The leader is not found' },
  'contactPoints.user_unknown': { zh: '关联账号不存在', en: 'The account is not found' },
  'contactPoints.future_date': { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
  'contactPoints.before_since': { zh: '走访日期不能早于确定联系日期', en: 'A visit cannot come before the point' },
  'contactPoints.issue_solved': { zh: '该问题已解决', en: 'The issue is already solved' },
  'contactPoints.issue_unknown': { zh: '该问题不存在', en: 'The issue is not found' },
} as const satisfies Record<string, Labelled>;
