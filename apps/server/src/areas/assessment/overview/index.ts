/** Module manifest: the assessment overview (考核激励总览), read from the other assessment modules' figures. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { overviewRoutes } from './overview.routes.js';

export const assessmentOverviewModule: ModuleManifest = {
  name: 'overview',
  area: 'assessment',
  routes: [overviewRoutes],
  capabilities: ['assessmentOverview.read'],
};
