/** What the incomes module writes to the audit trail: each action code and entity type in words (zh/en). */
import type { Labelled } from '../core/enums.js';

/** Audit actions of the incomes module. */
export const INCOMES_AUDIT_ACTIONS = {} as const satisfies Record<string, Labelled>;

/** Entity types of the incomes module's audit records. */
export const INCOMES_AUDIT_ENTITIES = {} as const satisfies Record<string, Labelled>;
