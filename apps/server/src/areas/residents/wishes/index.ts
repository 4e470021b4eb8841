/** Module manifest: Wishes (微心愿): the public wall, residents' own pages, claims by members. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { wishesRoutes } from './wishes.routes.js';
import { releaseExpiredClaims } from './wishes.service.js';

export const wishesModule: ModuleManifest = {
  name: 'wishes',
  area: 'residents',
  routes: [wishesRoutes],
  orgScopedTables: ['wishes'],
  versionDomains: ['residents'],
  capabilities: ['residents.claim'],
  jobs: [{ name: 'wish claim release', run: (ctx, { now }) => releaseExpiredClaims(ctx, now) }],
};
