/** Table types of the inspections module (area supervision). */

/** The inspections module's tables, by name. */
export type InspectionsTables = Record<never, never>;
