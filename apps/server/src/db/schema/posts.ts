/** Table types of the posts module (area people). */

/** The posts module's tables, by name. */
export type PostsTables = Record<never, never>;
