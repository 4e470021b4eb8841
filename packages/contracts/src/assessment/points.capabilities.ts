/** The capabilities of the points module (area assessment). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const POINTS_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
