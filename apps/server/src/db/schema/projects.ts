/** Table types of the projects module (area economy). */

/** The projects module's tables, by name. */
export type ProjectsTables = Record<never, never>;
