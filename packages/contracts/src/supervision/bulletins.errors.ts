/** The error codes of the bulletins module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the bulletins module. */
export const BULLETINS_ERRORS = {} as const satisfies Record<string, Labelled>;
