/** Module manifest: county leaders' contact points and the weak organizations they take on (联系点, 包抓). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const contactPointsModule: ModuleManifest = {
  name: 'contactPoints',
  area: 'people',
  routes: [],
};
