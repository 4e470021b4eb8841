/** Module manifest: retraining of incompetent cadres (淬火整训): files, classes, the test, the decision, the figure. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { retrainingContributor } from './retraining.demo.js';
import { retrainingRoutes } from './retraining.routes.js';

export const retrainingModule: ModuleManifest = {
  name: 'retraining',
  area: 'assessment',
  routes: [retrainingRoutes],
  orgScopedTables: ['retraining_files', 'retraining_classes'],
  versionDomains: ['retraining'],
  capabilities: ['retraining.read', 'retraining.write'],
  demo: retrainingContributor,
};
