/** The error codes of the learning module (area life), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the learning module. */
export const LEARNING_ERRORS = {} as const satisfies Record<string, Labelled>;
