/** The error codes of the selections module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the selections module. */
export const SELECTIONS_ERRORS = {} as const satisfies Record<string, Labelled>;
