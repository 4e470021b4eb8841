/** What the inspections module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the inspections module. */
export const INSPECTIONS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the inspections module's audit records. */
export const INSPECTIONS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
