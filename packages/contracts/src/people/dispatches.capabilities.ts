/** The capabilities of the dispatches module (area people): the county and townships manage, a village reads. */
import { capability as cap, type CapabilityDef, STAFF_ROLES } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const DISPATCHES_CAPABILITIES = {
  'dispatches.read': cap('查看派驻干部', 'View dispatched cadres', STAFF_ROLES),
  'dispatches.write': cap('管理派驻干部、登记在村天数', 'Manage dispatched cadres and their days present', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
