/** Module manifest: yearly collective income of villages, its review by the township and the classes (村集体经济). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { incomesContributor } from './incomes.demo.js';
import { incomesRoutes } from './incomes.routes.js';

export const incomesModule: ModuleManifest = {
  name: 'incomes',
  area: 'economy',
  routes: [incomesRoutes],
  orgScopedTables: ['income_entries'],
  versionDomains: ['incomes'],
  capabilities: ['incomes.read', 'incomes.write', 'incomes.review'],
  demo: incomesContributor,
};
