/** Module manifest: The organization tree: create, edit, move (re-paths every module's rows), delete and restore. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { orgsRoutes } from './orgs.routes.js';

export const orgsModule: ModuleManifest = {
  name: 'orgs',
  area: 'core',
  routes: [orgsRoutes],
  orgScopedTables: ['orgs'],
  versionDomains: ['roster', 'residents'],
  capabilities: ['orgs.read', 'orgs.write'],
};
