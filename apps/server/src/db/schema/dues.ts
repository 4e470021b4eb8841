/** Table types of the dues module (area people). */

/** The dues module's tables, by name. */
export type DuesTables = Record<never, never>;
