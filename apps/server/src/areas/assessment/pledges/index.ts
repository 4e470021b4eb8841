/** Module manifest: pledges of members and organizations (承诺践诺, 为民办实事). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { pledgesContributor } from './pledges.demo.js';
import { pledgesRoutes } from './pledges.routes.js';

export const pledgesModule: ModuleManifest = {
  name: 'pledges',
  area: 'assessment',
  routes: [pledgesRoutes],
  orgScopedTables: ['pledges', 'pledge_progress', 'pledge_evaluations'],
  versionDomains: ['pledges'],
  capabilities: ['pledges.read', 'pledges.make', 'pledges.review', 'pledges.evaluate'],
  demo: pledgesContributor,
};
