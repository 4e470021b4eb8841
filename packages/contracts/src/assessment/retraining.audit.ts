/** What the retraining module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the retraining module. */
export const RETRAINING_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the retraining module's audit records. */
export const RETRAINING_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
