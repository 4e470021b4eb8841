/** Module manifest: every rule set of the platform, read and changed the same way (`platform/rules.ts`). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { rulesRoutes } from './rules.routes.js';

export const rulesModule: ModuleManifest = {
  name: 'rules',
  area: 'core',
  routes: [rulesRoutes],
  capabilities: [],
  versionDomains: ['meetings', 'residents'],
};
