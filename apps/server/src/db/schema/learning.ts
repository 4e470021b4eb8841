/** Table types of the learning module (area life). */

/** The learning module's tables, by name. */
export type LearningTables = Record<never, never>;
