/** The capabilities of the accountability module (area supervision): county and townships only. */
import { capability as cap, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const ACCOUNTABILITY_CAPABILITIES = {
  'accountability.read': cap('查看问责记录', 'View accountability records', ['county_admin', 'township_admin']),
  'accountability.write': cap('登记问责记录', 'Record accountability', ['county_admin', 'township_admin']),
} as const satisfies Record<string, CapabilityDef>;
