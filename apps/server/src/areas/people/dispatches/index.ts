/** Module manifest: dispatched cadres: first secretaries, work teams, instructors, science envoys (派驻). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { dispatchesContributor } from './dispatches.demo.js';
import { dispatchesRoutes } from './dispatches.routes.js';

export const dispatchesModule: ModuleManifest = {
  name: 'dispatches',
  area: 'people',
  routes: [dispatchesRoutes],
  orgScopedTables: ['dispatches', 'dispatch_orgs', 'dispatch_presence'],
  versionDomains: ['dispatches'],
  capabilities: ['dispatches.read', 'dispatches.write'],
  demo: dispatchesContributor,
};
