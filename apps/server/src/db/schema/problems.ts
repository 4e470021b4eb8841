/** Table types of the problems module (area supervision). */

/** The problems module's tables, by name. */
export type ProblemsTables = Record<never, never>;
