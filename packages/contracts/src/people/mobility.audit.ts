/** What the mobility module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the mobility module. */
export const MOBILITY_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the mobility module's audit records. */
export const MOBILITY_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
