/** Module manifest: The overview figures of a subtree. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { statsRoutes } from './stats.routes.js';

export const statsModule: ModuleManifest = {
  name: 'stats',
  area: 'core',
  routes: [statsRoutes],
  capabilities: ['stats.read'],
};
