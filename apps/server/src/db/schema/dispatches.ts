/** Table types of the dispatches module (area people). */

/** The dispatches module's tables, by name. */
export type DispatchesTables = Record<never, never>;
