/**
 * Module manifest: the two village committees' people, their posts and terms, elections analytics, filing and
 * joint review (村两委, 换届).
 */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const cadresModule: ModuleManifest = {
  name: 'cadres',
  area: 'people',
  routes: [],
};
