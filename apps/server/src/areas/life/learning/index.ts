/** Module manifest: monthly learning lists and how branches hold them (夜学), their progress and the phone page. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { learningContributor } from './learning.demo.js';
import { learningRoutes } from './learning.routes.js';

export const learningModule: ModuleManifest = {
  name: 'learning',
  area: 'life',
  routes: [learningRoutes],
  orgScopedTables: ['learning_items', 'learning_holds'],
  versionDomains: ['learning'],
  capabilities: ['learning.read', 'learning.write', 'learning.hold'],
  demo: learningContributor,
};
