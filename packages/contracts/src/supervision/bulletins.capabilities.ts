/** The capabilities of the bulletins module (area supervision). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const BULLETINS_CAPABILITIES = {
  'bulletins.read': cap(
    '查看通报简报（本级及下级生成的，以及上级印发的覆盖本组织的）',
    'View bulletins of the subtree and those issued above that cover it',
    STAFF_ROLES,
  ),
  'bulletins.write': cap('生成、编辑、印发和撤回通报简报', 'Generate, edit, issue and withdraw bulletins', [
    'county_admin',
    'township_admin',
  ]),
} as const satisfies Record<string, CapabilityDef>;
