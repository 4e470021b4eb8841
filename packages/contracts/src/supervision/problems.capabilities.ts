/** The capabilities of the problems module (area supervision). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const PROBLEMS_CAPABILITIES = {
  'problems.read': cap('查看问题整改', 'View problems and their rectification', STAFF_ROLES),
  'problems.write': cap('登记问题、办理整改', 'Record problems, rectify and claim the fix', STAFF_ROLES),
  'problems.verify': cap('交办、验收销号、回头看', 'Assign, verify, close and follow up problems', [
    'county_admin',
    'township_admin',
  ]),
  'problems.rules': cap('设置问题类别和整改时限', 'Set the problem categories and deadlines', ['county_admin']),
} as const satisfies Record<string, CapabilityDef>;
