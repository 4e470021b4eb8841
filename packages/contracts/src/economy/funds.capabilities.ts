/** The capabilities of the funds module (area economy): grassroots funds and pay. */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const FUNDS_CAPABILITIES = {
  // A village reads its own funds; a township its villages'; the county all.
  'funds.read': cap('查看基层经费保障', 'View grassroots funds', STAFF_ROLES),
  // The county enters or imports; a township enters for its villages.
  'funds.write': cap('录入基层经费', 'Enter grassroots funds', ['county_admin', 'township_admin']),
  // A secretary's pay is personal: the township and the county only.
  'funds.pay': cap('查看村党组织书记报酬', "View village secretaries' pay", ['county_admin', 'township_admin']),
} as const satisfies Record<string, CapabilityDef>;
