/** What the learning module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the learning module. */
export const LEARNING_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the learning module's audit records. */
export const LEARNING_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
