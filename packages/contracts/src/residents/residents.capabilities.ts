/** The capabilities of serving residents (为民服务). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const RESIDENTS_CAPABILITIES = {
  'residents.read': {
    zh: '查看为民服务',
    en: 'View serving residents',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'residents.write': {
    zh: '办理为民服务',
    en: 'Serve residents',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'residents.import': {
    zh: '导入住户',
    en: 'Import households',
    roles: ['county_admin', 'township_admin', 'branch_secretary'],
  },
  'residents.reveal': {
    zh: '查看群众完整号码',
    en: "See residents' full numbers",
    roles: ['county_admin', 'branch_secretary'],
  },
  'residents.rules': { zh: '设置为民服务规则', en: 'Set the residents rules', roles: ['county_admin'] },
  'residents.evaluate': {
    zh: '年终评议组织',
    en: 'Evaluate organizations at year end',
    roles: ['county_admin', 'township_admin'],
  },
  'residents.claim': { zh: '认领心愿与代办', en: 'Claim wishes and errands', roles: ['member'] },
} as const satisfies Record<string, CapabilityDef>;
