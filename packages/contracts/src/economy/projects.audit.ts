/** What the projects module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the projects module. */
export const PROJECTS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the projects module's audit records. */
export const PROJECTS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
