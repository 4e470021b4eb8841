/** The error codes of the accountability module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the accountability module. */
export const ACCOUNTABILITY_ERRORS = {} as const satisfies Record<string, Labelled>;
