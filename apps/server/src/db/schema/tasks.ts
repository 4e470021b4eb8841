/** Table types of the tasks module (area supervision). */

/** The tasks module's tables, by name. */
export type TasksTables = Record<never, never>;
