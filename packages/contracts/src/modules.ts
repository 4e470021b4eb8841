/**
 * The contracts' list of modules: what each area declares for the whole platform — its capabilities (with their
 * labels and the roles that hold them) and its error codes (zh/en). A new module adds its two objects here and
 * nowhere else; `core/roles.ts` and `core/errors.ts` derive the platform's tables from this list.
 */
import { CORE_CAPABILITIES } from './core/core.capabilities.js';
import { CORE_ERRORS } from './core/core.errors.js';
import { MEETINGS_CAPABILITIES } from './life/meetings.capabilities.js';
import { MEETINGS_ERRORS } from './life/meetings.errors.js';
import { RESIDENTS_CAPABILITIES } from './residents/residents.capabilities.js';
import { RESIDENTS_ERRORS } from './residents/residents.errors.js';

/** Every capability of every module. */
export const MODULE_CAPABILITIES = { ...CORE_CAPABILITIES, ...MEETINGS_CAPABILITIES, ...RESIDENTS_CAPABILITIES };

/** Every error code of every module. */
export const MODULE_ERRORS = { ...CORE_ERRORS, ...MEETINGS_ERRORS, ...RESIDENTS_ERRORS };
