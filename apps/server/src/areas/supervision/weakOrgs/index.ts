/** Module manifest: weak and lax organizations (软弱涣散). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const weakOrgsModule: ModuleManifest = {
  name: 'weakOrgs',
  area: 'supervision',
  routes: [],
};
