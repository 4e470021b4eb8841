/** Table types of the transfers module (area people). */

/** The transfers module's tables, by name. */
export type TransfersTables = Record<never, never>;
