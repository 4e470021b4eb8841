/** The error codes of the dues module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the dues module. */
export const DUES_ERRORS = {} as const satisfies Record<string, Labelled>;
