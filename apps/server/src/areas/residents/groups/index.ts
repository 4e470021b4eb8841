/** Module manifest: Household groups (联户组) and their coverage. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { groupsRoutes } from './groups.routes.js';

export const groupsModule: ModuleManifest = {
  name: 'groups',
  area: 'residents',
  routes: [groupsRoutes],
  orgScopedTables: ['household_groups'],
  versionDomains: ['households', 'residents'],
};
