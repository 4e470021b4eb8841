/** The capabilities of the projects module (area economy). */
import type { CapabilityDef } from '../core/enums.js';

/** Its capabilities: what each lets its holder do (zh/en) and the roles that hold it. */
export const PROJECTS_CAPABILITIES = {} as const satisfies Record<string, CapabilityDef>;
