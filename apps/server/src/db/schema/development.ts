/** Table types of the development module (area people). */

/** The development module's tables, by name. */
export type DevelopmentTables = Record<never, never>;
