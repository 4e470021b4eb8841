/** Module manifest: Zones (网格) and the members who look after them. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { zonesRoutes } from './zones.routes.js';

export const zonesModule: ModuleManifest = {
  name: 'zones',
  area: 'residents',
  routes: [zonesRoutes],
  orgScopedTables: ['zones'],
  versionDomains: ['residents'],
};
