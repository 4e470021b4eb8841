/** Module manifest: star ratings of organizations and assessments of cadres by indicator schemes (星级评定, 5+1, 年终考评). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const ratingsModule: ModuleManifest = {
  name: 'ratings',
  area: 'assessment',
  routes: [],
};
