/** The error codes of the incomes module (area economy), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the incomes module. */
export const INCOMES_ERRORS = {} as const satisfies Record<string, Labelled>;
