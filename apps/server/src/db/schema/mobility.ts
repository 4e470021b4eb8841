/** Table types of the mobility module (area people). */

/** The mobility module's tables, by name. */
export type MobilityTables = Record<never, never>;
