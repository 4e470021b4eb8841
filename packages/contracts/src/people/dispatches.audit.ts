/** What the dispatches module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the dispatches module. */
export const DISPATCHES_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the dispatches module's audit records. */
export const DISPATCHES_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
