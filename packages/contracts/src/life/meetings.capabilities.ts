/** The capabilities of organizational life. */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const MEETINGS_CAPABILITIES = {
  'meetings.read': {
    zh: '查看组织生活',
    en: 'View meetings',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'meetings.write': {
    zh: '管理组织生活',
    en: 'Manage meetings',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'meetings.rules': { zh: '设置组织生活规则', en: 'Set the meeting rules', roles: ['county_admin'] },
  'meetings.checkin': { zh: '会议签到', en: 'Check in to a meeting', roles: ['member'] },
} as const satisfies Record<string, CapabilityDef>;
