/** The error codes of the problems module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the problems module. */
export const PROBLEMS_ERRORS = {} as const satisfies Record<string, Labelled>;
