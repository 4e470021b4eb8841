/** What the training module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the training module. */
export const TRAINING_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the training module's audit records. */
export const TRAINING_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
