/** The capabilities of the inspections module (area supervision). */
import { capability as cap, type CapabilityDef, STAFF_ROLES } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const INSPECTIONS_CAPABILITIES = {
  'inspections.read': cap('查看督查检查', 'View inspections', STAFF_ROLES),
  'inspections.write': cap('组织督查检查、记录检查结果和发现的问题', 'Plan inspections and record their findings', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
