/** The capabilities of the incomes module (area economy): collective income entries and their review. */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const INCOMES_CAPABILITIES = {
  // The village sees its own entries and class; the township and the county their subtree's.
  'incomes.read': cap('查看村集体经济收入和分类', 'View village collective income and classes', STAFF_ROLES),
  // The village enters its income (or the township for it); the county may too.
  'incomes.write': cap('填报村集体经济收入', 'Enter collective income', STAFF_ROLES),
  // The township (or the county) reviews: only accepted entries count.
  'incomes.review': cap('审核村集体经济收入', 'Review collective income', ['county_admin', 'township_admin']),
} as const satisfies Record<string, CapabilityDef>;
