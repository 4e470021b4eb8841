/** Module manifest: accountability (问责). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { accountabilityContributor } from './accountability.demo.js';
import { accountabilityRoutes } from './accountability.routes.js';

export const accountabilityModule: ModuleManifest = {
  name: 'accountability',
  area: 'supervision',
  routes: [accountabilityRoutes],
  orgScopedTables: ['accountability_records'],
  versionDomains: ['accountability'],
  capabilities: ['accountability.read', 'accountability.write'],
  demo: accountabilityContributor,
};
