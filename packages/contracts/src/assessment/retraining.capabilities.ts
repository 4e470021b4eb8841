/** The capabilities of the retraining module (area assessment). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const RETRAINING_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
