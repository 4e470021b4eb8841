/** The error codes of the tasks module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the tasks module. */
export const TASKS_ERRORS = {} as const satisfies Record<string, Labelled>;
