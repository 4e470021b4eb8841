/** What the posts module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the posts module. */
export const POSTS_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the posts module's audit records. */
export const POSTS_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
