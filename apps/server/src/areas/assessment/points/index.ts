/** Module manifest: member points as an append-only ledger (积分制). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const pointsModule: ModuleManifest = {
  name: 'points',
  area: 'assessment',
  routes: [],
};
