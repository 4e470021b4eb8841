/** What the cadres module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the cadres module. */
export const CADRES_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the cadres module's audit records. */
export const CADRES_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
