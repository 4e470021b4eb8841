/** The capabilities of the dispatches module (area people). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const DISPATCHES_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
