/** What the weakOrgs module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the weakOrgs module. */
export const WEAK_ORGS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the weakOrgs module's audit records. */
export const WEAK_ORGS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
