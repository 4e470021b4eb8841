/** What the dues module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the dues module. */
export const DUES_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the dues module's audit records. */
export const DUES_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
