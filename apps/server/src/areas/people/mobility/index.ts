/** Module manifest: members away (流动党员) and out of contact (失联), states of the membership. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { mobilityDemo } from './mobility.demo.js';
import { mobilityRoutes } from './mobility.routes.js';

export const mobilityModule: ModuleManifest = {
  name: 'mobility',
  area: 'people',
  routes: [mobilityRoutes],
  orgScopedTables: ['member_mobility'],
  versionDomains: ['mobility'],
  capabilities: ['mobility.read', 'mobility.write'],
  demo: mobilityDemo,
};
