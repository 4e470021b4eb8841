/** Module manifest: member points as an append-only ledger (积分制): harvest, manual entries, disputes, ranking. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { pointsContributor } from './points.demo.js';
import { pointsRoutes } from './points.routes.js';
import './points.rules.js';
import { harvestJob } from './points.service.js';

export const pointsModule: ModuleManifest = {
  name: 'points',
  area: 'assessment',
  routes: [pointsRoutes],
  orgScopedTables: ['point_entries', 'point_months', 'point_disputes'],
  versionDomains: ['points'],
  capabilities: ['points.read', 'points.dispute', 'points.write', 'points.approve', 'points.rules'],
  demo: pointsContributor,
  jobs: [{ name: 'points harvest', run: (ctx, at) => harvestJob(ctx, at) }],
};
