/** What the contactPoints module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the contactPoints module. */
export const CONTACT_POINTS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the contactPoints module's audit records. */
export const CONTACT_POINTS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
