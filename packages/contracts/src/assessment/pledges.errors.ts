/** The error codes of the pledges module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the pledges module. */
export const PLEDGES_ERRORS = {} as const satisfies Record<string, Labelled>;
