/** The capabilities of the incomes module (area economy). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const INCOMES_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
