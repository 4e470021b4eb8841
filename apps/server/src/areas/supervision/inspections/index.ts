/** Module manifest: inspections (季督查, 半年督查, 随机暗访, 现场观摩). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const inspectionsModule: ModuleManifest = {
  name: 'inspections',
  area: 'supervision',
  routes: [],
};
