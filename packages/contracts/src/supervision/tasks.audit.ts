/** What the tasks module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the tasks module. */
export const TASKS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the tasks module's audit records. */
export const TASKS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
