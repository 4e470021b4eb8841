/** Module manifest: Visits (走访) to households, with photos; a visit may raise a request. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { visitsRoutes } from './visits.routes.js';

export const visitsModule: ModuleManifest = {
  name: 'visits',
  area: 'residents',
  routes: [visitsRoutes],
  orgScopedTables: ['visits'],
  versionDomains: ['residents', 'visits'],
};
