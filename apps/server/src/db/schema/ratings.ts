/** Table types of the ratings module (area assessment). */

/** The ratings module's tables, by name. */
export type RatingsTables = Record<never, never>;
