/** The capabilities of the contactPoints module (area people): the county manages, townships read their part. */
import { capability as cap, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const CONTACT_POINTS_CAPABILITIES = {
  'contactPoints.read': cap('查看县级领导联系点', "View county leaders' contact points", [
    'county_admin',
    'township_admin',
  ]),
  'contactPoints.write': cap('管理县级领导联系点、登记走访', 'Manage contact points and record visits', [
    'county_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
