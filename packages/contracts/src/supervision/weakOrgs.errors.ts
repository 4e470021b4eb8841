/** The error codes of the weakOrgs module (area supervision), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the weakOrgs module. */
export const WEAK_ORGS_ERRORS = {} as const satisfies Record<string, Labelled>;
