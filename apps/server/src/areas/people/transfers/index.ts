/** Module manifest: transfers of membership (组织关系转接) within, out of and into the platform. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { transfersContributor } from './transfers.demo.js';
import { transfersRoutes } from './transfers.routes.js';

export const transfersModule: ModuleManifest = {
  name: 'transfers',
  area: 'people',
  routes: [transfersRoutes],
  orgScopedTables: ['transfers'],
  versionDomains: ['transfers'],
  capabilities: ['transfers.read', 'transfers.write', 'transfers.approve'],
  demo: transfersContributor,
};
