/** Module manifest: pledges of members and organizations (承诺践诺, 为民办实事). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const pledgesModule: ModuleManifest = {
  name: 'pledges',
  area: 'assessment',
  routes: [],
};
