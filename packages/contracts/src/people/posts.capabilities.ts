/** The capabilities of the posts module (area people). */
import { capability as cap, STAFF_ROLES, type CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const POSTS_CAPABILITIES = {
  // Townships and the county read the posts and coverage of their subtree.
  'posts.read': cap('查看党员设岗定责和岗位覆盖情况', 'View posts for members and their coverage', STAFF_ROLES),
  // The branch sets its own posts and gives its members one.
  'posts.write': cap('设置党员岗位、安排党员上岗和离岗', 'Define posts and give members a post', ['branch_secretary']),
} as const satisfies Record<string, CapabilityDef>;
