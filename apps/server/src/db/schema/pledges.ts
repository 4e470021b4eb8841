/** Table types of the pledges module (area assessment). */

/** The pledges module's tables, by name. */
export type PledgesTables = Record<never, never>;
