/** The error codes of the points module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the points module. */
export const POINTS_ERRORS = {} as const satisfies Record<string, Labelled>;
