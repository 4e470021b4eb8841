/** The error codes of the projects module (area economy), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the projects module. */
export const PROJECTS_ERRORS = {} as const satisfies Record<string, Labelled>;
