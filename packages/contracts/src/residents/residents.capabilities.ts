/** The capabilities of serving residents (为民服务). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const RESIDENTS_CAPABILITIES = {
  'residents.read': cap('查看为民服务', 'View serving residents', STAFF_ROLES),
  'residents.write': cap('办理为民服务', 'Serve residents', STAFF_ROLES),
  'residents.import': cap('导入住户', 'Import households', STAFF_ROLES),
  'residents.reveal': cap('查看群众完整号码', "See residents' full numbers", ['county_admin', 'branch_secretary']),
  'residents.rules': cap('设置为民服务规则', 'Set the residents rules', ['county_admin']),
  'residents.evaluate': cap('年终评议组织', 'Evaluate organizations at year end', ['county_admin', 'township_admin']),
  'residents.claim': cap('认领心愿与代办', 'Claim wishes and errands', ['member']),
} as const satisfies Record<string, CapabilityDef>;
