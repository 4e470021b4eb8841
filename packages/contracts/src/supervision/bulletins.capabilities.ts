/** The capabilities of the bulletins module (area supervision). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const BULLETINS_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
