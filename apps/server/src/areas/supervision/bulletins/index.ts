/** Module manifest: bulletins generated from the records (季度通报, 工作简报). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { bulletinsContributor } from './bulletins.demo.js';
import { bulletinsRoutes } from './bulletins.routes.js';

export const bulletinsModule: ModuleManifest = {
  name: 'bulletins',
  area: 'supervision',
  routes: [bulletinsRoutes],
  orgScopedTables: ['bulletins'],
  versionDomains: ['bulletins'],
  capabilities: ['bulletins.read', 'bulletins.write'],
  demo: bulletinsContributor,
};
