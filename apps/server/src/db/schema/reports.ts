/** Table types of the reports module (area assessment). */

/** The reports module's tables, by name. */
export type ReportsTables = Record<never, never>;
