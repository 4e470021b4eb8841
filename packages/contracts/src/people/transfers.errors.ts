/** The error codes of the transfers module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the transfers module. */
export const TRANSFERS_ERRORS = {} as const satisfies Record<string, Labelled>;
