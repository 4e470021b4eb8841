/** Module manifest: bulletins generated from the records (季度通报, 工作简报). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const bulletinsModule: ModuleManifest = {
  name: 'bulletins',
  area: 'supervision',
  routes: [],
};
