/** The error codes of the mobility module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the mobility module. */
export const MOBILITY_ERRORS = {} as const satisfies Record<string, Labelled>;
