/** The capabilities of organizational life. */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const MEETINGS_CAPABILITIES = {
  'meetings.read': cap('查看组织生活', 'View meetings', STAFF_ROLES),
  'meetings.write': cap('管理组织生活', 'Manage meetings', STAFF_ROLES),
  'meetings.rules': cap('设置组织生活规则', 'Set the meeting rules', ['county_admin']),
  'meetings.checkin': cap('会议签到', 'Check in to a meeting', ['member']),
} as const satisfies Record<string, CapabilityDef>;
