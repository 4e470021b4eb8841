/** Module manifest: retraining of incompetent cadres (淬火整训). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const retrainingModule: ModuleManifest = {
  name: 'retraining',
  area: 'assessment',
  routes: [],
};
