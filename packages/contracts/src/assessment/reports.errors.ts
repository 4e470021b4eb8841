/** The error codes of the reports module (area assessment), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the reports module. */
export const REPORTS_ERRORS = {} as const satisfies Record<string, Labelled>;
