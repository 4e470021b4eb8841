/** The capabilities of the posts module (area people). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const POSTS_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
