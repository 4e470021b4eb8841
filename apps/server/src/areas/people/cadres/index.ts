/**
 * Module manifest: the two village committees' people, their posts and terms, elections analytics, filing and
 * joint review (村两委, 换届).
 */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { cadresContributor } from './cadres.demo.js';
import { cadresRoutes } from './cadres.routes.js';
import './cadres.rules.js';

export const cadresModule: ModuleManifest = {
  name: 'cadres',
  area: 'people',
  routes: [cadresRoutes],
  orgScopedTables: ['cadres', 'cadre_posts', 'cadre_filings', 'cadre_reviews'],
  versionDomains: ['cadres'],
  capabilities: ['cadres.read', 'cadres.write', 'cadres.file', 'cadres.acknowledge', 'cadres.review'],
  demo: cadresContributor,
};
