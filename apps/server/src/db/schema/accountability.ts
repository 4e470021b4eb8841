/** Table types of the accountability module (area supervision). */

/** The accountability module's tables, by name. */
export type AccountabilityTables = Record<never, never>;
