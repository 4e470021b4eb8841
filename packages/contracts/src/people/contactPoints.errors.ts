/** The error codes of the contactPoints module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the contactPoints module. */
export const CONTACT_POINTS_ERRORS = {} as const satisfies Record<string, Labelled>;
