/** Module manifest: Evaluations (评议) of organizations by residents and by the level above. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { evaluationsRoutes } from './evaluations.routes.js';

export const evaluationsModule: ModuleManifest = {
  name: 'evaluations',
  area: 'residents',
  routes: [evaluationsRoutes],
  orgScopedTables: ['residents_evaluations'],
  versionDomains: ['residents'],
  capabilities: ['residents.evaluate'],
};
