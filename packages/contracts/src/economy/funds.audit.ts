/** What the funds module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the funds module. */
export const FUNDS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the funds module's audit records. */
export const FUNDS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
