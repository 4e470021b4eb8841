/** The capabilities of the learning module (area life). */
import { capability as cap, PARTY_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const LEARNING_CAPABILITIES = {
  // Everyone of the party sees the lists that apply to them; a member its own branch's items on the phone.
  'learning.read': cap('查看学习清单及落实情况', 'View the learning lists and their progress', PARTY_ROLES),
  // The county or a township sets the month's list for the organizations below it.
  'learning.write': cap('制定每月学习清单', 'Set the monthly learning lists', ['county_admin', 'township_admin']),
  // The branch records how it held an item.
  'learning.hold': cap('登记支部落实学习清单', 'Record how the branch held an item', ['branch_secretary']),
} as const satisfies Record<string, CapabilityDef>;
