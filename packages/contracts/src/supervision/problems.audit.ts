/** What the problems module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the problems module. */
export const PROBLEMS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the problems module's audit records. */
export const PROBLEMS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
