/**
 * The contracts' list of modules: what each area declares for the whole platform — its capabilities (with their
 * labels and the roles that hold them), its error codes, and its audit actions and entity types (zh/en). A new
 * module adds its objects here and nowhere else; `core/roles.ts`, `core/errors.ts` and `core/auditLabels.ts` derive
 * the platform's tables from this list.
 */
import { CORE_AUDIT_ACTIONS, CORE_AUDIT_ENTITIES } from './core/core.audit.js';
import { CORE_CAPABILITIES } from './core/core.capabilities.js';
import { CORE_ERRORS } from './core/core.errors.js';
import { MEETINGS_AUDIT_ACTIONS, MEETINGS_AUDIT_ENTITIES } from './life/meetings.audit.js';
import { MEETINGS_CAPABILITIES } from './life/meetings.capabilities.js';
import { MEETINGS_ERRORS } from './life/meetings.errors.js';
import { RESIDENTS_AUDIT_ACTIONS, RESIDENTS_AUDIT_ENTITIES } from './residents/residents.audit.js';
import { RESIDENTS_CAPABILITIES } from './residents/residents.capabilities.js';
import { RESIDENTS_ERRORS } from './residents/residents.errors.js';

/** Every capability of every module. */
export const MODULE_CAPABILITIES = { ...CORE_CAPABILITIES, ...MEETINGS_CAPABILITIES, ...RESIDENTS_CAPABILITIES };

/** Every error code of every module. */
export const MODULE_ERRORS = { ...CORE_ERRORS, ...MEETINGS_ERRORS, ...RESIDENTS_ERRORS };

/** Every audit action code of every module, in words (zh/en). */
export const MODULE_AUDIT_ACTIONS = { ...CORE_AUDIT_ACTIONS, ...MEETINGS_AUDIT_ACTIONS, ...RESIDENTS_AUDIT_ACTIONS };

/** Every audit entity type of every module, in words (zh/en). */
export const MODULE_AUDIT_ENTITIES = {
  ...CORE_AUDIT_ENTITIES,
  ...MEETINGS_AUDIT_ENTITIES,
  ...RESIDENTS_AUDIT_ENTITIES,
};
