/** What the ratings module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the ratings module. */
export const RATINGS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the ratings module's audit records. */
export const RATINGS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
