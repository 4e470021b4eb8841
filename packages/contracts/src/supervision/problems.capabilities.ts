/** The capabilities of the problems module (area supervision). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const PROBLEMS_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
