/** Module manifest: posts defined for members and who holds them (设岗定责, 党员先锋岗). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const postsModule: ModuleManifest = {
  name: 'posts',
  area: 'people',
  routes: [],
};
