/** Module manifest: selections of the best (十佳村干部, 十杰百优). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const selectionsModule: ModuleManifest = {
  name: 'selections',
  area: 'assessment',
  routes: [],
};
