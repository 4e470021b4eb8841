/** Table types of the bulletins module (area supervision). */

/** The bulletins module's tables, by name. */
export type BulletinsTables = Record<never, never>;
