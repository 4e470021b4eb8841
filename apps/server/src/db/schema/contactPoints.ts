/** Table types of the contactPoints module (area people). */

/** The contactPoints module's tables, by name. */
export type ContactPointsTables = Record<never, never>;
