/** Shared contracts: enums, roles, error codes and API schemas used by server and web. */
export * from './enums.js';
export * from './roles.js';
export * from './errors.js';
export * from './schemas.js';
export * from './meetings.js';
export * from './service.js';
export * from './households.js';
export * from './requests.js';
export * from './wishes.js';
export * from './serviceStats.js';
