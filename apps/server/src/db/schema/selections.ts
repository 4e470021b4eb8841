/** Table types of the selections module (area assessment). */

/** The selections module's tables, by name. */
export type SelectionsTables = Record<never, never>;
