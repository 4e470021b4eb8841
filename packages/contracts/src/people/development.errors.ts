/** The error codes of the development module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the development module. */
export const DEVELOPMENT_ERRORS = {} as const satisfies Record<string, Labelled>;
