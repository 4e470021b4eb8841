/** What the selections module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the selections module. */
export const SELECTIONS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the selections module's audit records. */
export const SELECTIONS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
