/** Table types of the retraining module (area assessment). */

/** The retraining module's tables, by name. */
export type RetrainingTables = Record<never, never>;
