/** Table types of the funds module (area economy). */

/** The funds module's tables, by name. */
export type FundsTables = Record<never, never>;
