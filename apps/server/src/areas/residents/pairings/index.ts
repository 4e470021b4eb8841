/** Module manifest: Pairings (结对帮扶) of members with households. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { pairingsRoutes } from './pairings.routes.js';

export const pairingsModule: ModuleManifest = {
  name: 'pairings',
  area: 'residents',
  routes: [pairingsRoutes],
  orgScopedTables: ['pairings'],
  versionDomains: ['households', 'residents'],
};
