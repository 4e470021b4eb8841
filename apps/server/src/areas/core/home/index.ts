/** Module manifest: the home's to-do summary of every role (what to do now, and the few figures of its scope). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { homeRoutes } from './home.routes.js';

export const homeModule: ModuleManifest = {
  name: 'home',
  area: 'core',
  routes: [homeRoutes],
};
