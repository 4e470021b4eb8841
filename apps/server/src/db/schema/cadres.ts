/** Table types of the cadres module (area people). */

/** The cadres module's tables, by name. */
export type CadresTables = Record<never, never>;
