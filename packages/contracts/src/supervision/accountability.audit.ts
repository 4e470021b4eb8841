/** What the accountability module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the accountability module. */
export const ACCOUNTABILITY_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the accountability module's audit records. */
export const ACCOUNTABILITY_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
