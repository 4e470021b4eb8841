/** Module manifest: problems and their rectification (问题整改). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const problemsModule: ModuleManifest = {
  name: 'problems',
  area: 'supervision',
  routes: [],
};
