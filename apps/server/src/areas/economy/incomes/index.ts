/** Module manifest: yearly collective income of villages and their classes (村集体经济). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const incomesModule: ModuleManifest = {
  name: 'incomes',
  area: 'economy',
  routes: [],
};
