/** The error codes of the cadres module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the cadres module. */
export const CADRES_ERRORS = {} as const satisfies Record<string, Labelled>;
