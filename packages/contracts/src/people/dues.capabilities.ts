/** The capabilities of the dues module (area people). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const DUES_CAPABILITIES = {
  'dues.read': cap('查看党费', 'View party dues', STAFF_ROLES),
  'dues.write': cap('登记党费', 'Record party dues', STAFF_ROLES),
  'dues.review': cap('审核党费补交', 'Review back payments of dues', ['county_admin', 'township_admin']),
  'dues.rules': cap('设置党费收缴标准', 'Set the dues rules', ['county_admin']),
  'dues.own': cap('查看本人党费', 'View my own dues', ['member']),
} as const satisfies Record<string, CapabilityDef>;
