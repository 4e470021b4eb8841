/** Table types of the training module (area life). */

/** The training module's tables, by name. */
export type TrainingTables = Record<never, never>;
