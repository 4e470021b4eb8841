/** Table types of the points module (area assessment). */

/** The points module's tables, by name. */
export type PointsTables = Record<never, never>;
