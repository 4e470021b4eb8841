/** What the bulletins module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the bulletins module. */
export const BULLETINS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the bulletins module's audit records. */
export const BULLETINS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
