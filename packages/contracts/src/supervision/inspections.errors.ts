/** The error codes of the inspections module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the inspections module. */
export const INSPECTIONS_ERRORS = {} as const satisfies Record<string, Labelled>;
