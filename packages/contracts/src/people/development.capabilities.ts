/** The capabilities of the development module (area people). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const DEVELOPMENT_CAPABILITIES = {
  'development.read': cap('查看发展党员', 'View member development', STAFF_ROLES),
  'development.write': cap('办理发展党员', 'Develop members', STAFF_ROLES),
  'development.approve': cap('上级党委预审、谈话与审批', "The higher committee's review, talk and approval", [
    'county_admin',
    'township_admin',
  ]),
  'development.rules': cap('设置发展党员时限规则', 'Set the development time rules', ['county_admin']),
} as const satisfies Record<string, CapabilityDef>;
