/** The capabilities of the mobility module (area people): members who move away (流动党员) or are out of contact. */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const MOBILITY_CAPABILITIES = {
  'mobility.read': cap('查看流动党员和失联党员', 'View members away or out of contact', STAFF_ROLES),
  'mobility.write': cap('登记党员外出、失联和返回', 'Record members leaving, lost and back', STAFF_ROLES),
} as const satisfies Record<string, CapabilityDef>;
