/** Module manifest: Proxy errands (代办) done by members for residents. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { errandsRoutes } from './errands.routes.js';

export const errandsModule: ModuleManifest = {
  name: 'errands',
  area: 'residents',
  routes: [errandsRoutes],
  orgScopedTables: ['errands'],
  versionDomains: ['residents'],
};
