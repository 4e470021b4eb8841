/** The capabilities of the tasks module (area supervision). */
import { type CapabilityDef, capability as cap, STAFF_ROLES } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const TASKS_CAPABILITIES = {
  'tasks.read': cap('查看任务督办', 'View tasks', STAFF_ROLES),
  'tasks.issue': cap('下发、审核任务', 'Issue tasks and accept reports', ['county_admin', 'township_admin']),
  'tasks.report': cap('报送任务完成情况', 'Report on tasks', STAFF_ROLES),
} as const satisfies Record<string, CapabilityDef>;
