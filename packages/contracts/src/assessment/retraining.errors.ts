/** The error codes of the retraining module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the retraining module. */
export const RETRAINING_ERRORS = {} as const satisfies Record<string, Labelled>;
