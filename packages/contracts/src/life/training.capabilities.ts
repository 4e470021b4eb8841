/** The capabilities of the training module (area life). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const TRAINING_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
