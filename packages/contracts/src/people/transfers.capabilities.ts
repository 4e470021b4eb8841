/** The capabilities of the transfers module (area people). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const TRANSFERS_CAPABILITIES = {
  'transfers.read': cap('查看组织关系转接', 'View transfers of membership', STAFF_ROLES),
  'transfers.write': cap('办理组织关系转接', 'Apply for and receive transfers', STAFF_ROLES),
  'transfers.approve': cap('审批组织关系转接', 'Approve transfers and issue letters', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
