/** Module manifest: Households and their residents (with import, export and reveal). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { householdsRoutes } from './households.routes.js';

export const householdsModule: ModuleManifest = {
  name: 'households',
  area: 'residents',
  routes: [householdsRoutes],
  orgScopedTables: ['households', 'residents'],
  versionDomains: ['households', 'residents', 'visits'],
  capabilities: ['residents.import'],
};
