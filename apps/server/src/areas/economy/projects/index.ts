/** Module manifest: "Party branch +" industry projects (党支部+). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const projectsModule: ModuleManifest = {
  name: 'projects',
  area: 'economy',
  routes: [],
};
