/** The error codes of the training module (area life), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the training module. */
export const TRAINING_ERRORS = {} as const satisfies Record<string, Labelled>;
