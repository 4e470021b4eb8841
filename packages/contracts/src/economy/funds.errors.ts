/** The error codes of the funds module (area economy), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the funds module. */
export const FUNDS_ERRORS = {} as const satisfies Record<string, Labelled>;
