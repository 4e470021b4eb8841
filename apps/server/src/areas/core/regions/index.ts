/** Module manifest: the region dashboard of a province's accounts, read from the rollups it keeps (issue 16). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { regionsRoutes } from './regions.routes.js';

export const regionsModule: ModuleManifest = {
  name: 'regions',
  area: 'core',
  routes: [regionsRoutes],
  // A moved organization's rows follow it until the next refresh rewrites them (the move bumps the roster).
  orgScopedTables: ['rollup_org_month'],
  capabilities: ['regions.view'],
};
