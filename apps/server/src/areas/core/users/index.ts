/** Module manifest: Accounts and the two-person grants of administrator roles (三员分立). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { usersRoutes } from './users.routes.js';

export const usersModule: ModuleManifest = {
  name: 'users',
  area: 'core',
  routes: [usersRoutes],
  orgScopedTables: ['users', 'role_grants'],
  capabilities: ['users.read', 'users.write', 'users.propose', 'users.approve'],
};
