/** Module manifest: weak and lax organizations (软弱涣散): files, check-ups, acceptances, the figure. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { weakOrgsContributor } from './weakOrgs.demo.js';
import { weakOrgsRoutes } from './weakOrgs.routes.js';

export const weakOrgsModule: ModuleManifest = {
  name: 'weakOrgs',
  area: 'supervision',
  routes: [weakOrgsRoutes],
  orgScopedTables: ['weak_orgs', 'weak_org_checkups', 'weak_org_acceptances'],
  versionDomains: ['weakOrgs'],
  capabilities: ['weakOrgs.read', 'weakOrgs.flag', 'weakOrgs.write', 'weakOrgs.accept'],
  demo: weakOrgsContributor,
};
