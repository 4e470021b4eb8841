/** What the development module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the development module. */
export const DEVELOPMENT_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the development module's audit records. */
export const DEVELOPMENT_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
