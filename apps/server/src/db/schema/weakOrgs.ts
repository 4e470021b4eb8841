/** Table types of the weakOrgs module (area supervision). */

/** The weakOrgs module's tables, by name. */
export type WeakOrgsTables = Record<never, never>;
