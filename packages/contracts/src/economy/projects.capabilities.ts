/** The capabilities of the projects module (area economy): "Party branch +" industry projects (党支部+). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const PROJECTS_CAPABILITIES = {
  // A village's secretary sees the projects its organization leads; the township and the county their subtree's.
  'projects.read': cap('查看党支部+产业项目', 'View the "Party branch +" industry projects', STAFF_ROLES),
  // The township and the county record and manage the projects of their villages.
  'projects.write': cap('登记和管理党支部+产业项目', 'Record and manage the industry projects', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
