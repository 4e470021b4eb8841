/** Shared contracts: enums, roles, error codes and API schemas used by server and web. */
export * from './core/enums.js';
export * from './core/roles.js';
export * from './core/errors.js';
export * from './core/schemas.js';
export * from './core/figures.js';
export * from './core/chinaTime.js';
export * from './core/rules.js';
export * from './core/workflow.js';
export * from './core/idcard.js';
export * from './core/answers.js';
export * from './life/meetings.js';
export * from './life/answers.js';
export * from './residents/residents.js';
export * from './residents/households.js';
export * from './residents/requests.js';
export * from './residents/wishes.js';
export * from './residents/figures.js';
