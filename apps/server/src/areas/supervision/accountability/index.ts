/** Module manifest: accountability (问责). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const accountabilityModule: ModuleManifest = {
  name: 'accountability',
  area: 'supervision',
  routes: [],
};
