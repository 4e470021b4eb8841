/** The error codes of the posts module (area people), zh/en. */
import type { Labelled } from '../core/enums.js';

/** Codes of the posts module. */
export const POSTS_ERRORS = {} as const satisfies Record<string, Labelled>;
