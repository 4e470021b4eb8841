/** What the transfers module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the transfers module. */
export const TRANSFERS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the transfers module's audit records. */
export const TRANSFERS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
