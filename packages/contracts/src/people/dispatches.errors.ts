/** The error codes of the dispatches module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the dispatches module. */
export const DISPATCHES_ERRORS = {} as const satisfies Record<string, Labelled>;
