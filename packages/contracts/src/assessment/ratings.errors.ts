/** The error codes of the ratings module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the ratings module. */
export const RATINGS_ERRORS = {} as const satisfies Record<string, Labelled>;
