/** Module manifest: rotation training classes and the hours members earn by attending (三分五统, 学时). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const trainingModule: ModuleManifest = {
  name: 'training',
  area: 'life',
  routes: [],
};
