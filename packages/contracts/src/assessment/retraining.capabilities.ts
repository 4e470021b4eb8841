/** The capabilities of the retraining module (area assessment): retraining of incompetent cadres (淬火整训). */
import { capability as cap, PARTY_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const RETRAINING_CAPABILITIES = {
  // The village sees its own cadres' files; a member (the cadre) only its own file.
  'retraining.read': cap('查看淬火整训档案', 'View the retraining files of cadres', PARTY_ROLES),
  // The township or the county suspends a cadre, records the classes and the test, and decides.
  'retraining.write': cap('停职整训村干部、记录整训与测试、作出复职或调整决定', 'Suspend, retrain, test and decide', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
