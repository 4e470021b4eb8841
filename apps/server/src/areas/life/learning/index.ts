/** Module manifest: monthly learning lists and how branches hold them (夜学). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const learningModule: ModuleManifest = {
  name: 'learning',
  area: 'life',
  routes: [],
};
