/** The capabilities of the weakOrgs module (area supervision): weak and lax organizations (软弱涣散). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const WEAK_ORGS_CAPABILITIES = {
  // A branch reads its own file (it is rectified, it is not hidden from it).
  'weakOrgs.read': cap('查看软弱涣散党组织整顿档案', 'View the files of weak and lax organizations', STAFF_ROLES),
  // The county alone names a weak organization (by its reasons, never by a quota), extends and releases it.
  'weakOrgs.flag': cap('确定、延期整顿和销号软弱涣散党组织', 'Flag, extend and release weak organizations', [
    'county_admin',
  ]),
  'weakOrgs.write': cap('制定整顿方案、开展全面体检', 'Keep the rectification plan and monthly check-ups', [
    'county_admin',
    'township_admin',
  ]),
  'weakOrgs.accept': cap('组织整顿验收', 'Record the acceptance of a rectification', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
