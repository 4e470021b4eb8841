/** Module manifest: Residents' requests (诉求): handling, cards, export and escalation. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { requestsRoutes } from './requests.routes.js';
import { escalateOverdue } from './requests.escalation.js';

export const requestsModule: ModuleManifest = {
  name: 'requests',
  area: 'residents',
  routes: [requestsRoutes],
  orgScopedTables: ['requests'],
  versionDomains: ['residents', 'requests:*'],
  jobs: [{ name: 'escalations', run: (ctx, { now }) => escalateOverdue(ctx, now) }],
};
