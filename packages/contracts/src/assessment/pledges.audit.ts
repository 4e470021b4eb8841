/** What the pledges module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the pledges module. */
export const PLEDGES_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the pledges module's audit records. */
export const PLEDGES_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
