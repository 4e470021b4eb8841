/** What the reports module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the reports module. */
export const REPORTS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the reports module's audit records. */
export const REPORTS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
