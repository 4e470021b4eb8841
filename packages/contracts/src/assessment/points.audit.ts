/** What the points module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the points module. */
export const POINTS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the points module's audit records. */
export const POINTS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
