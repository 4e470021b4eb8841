/** Module manifest: The residents' phone sign-in for their own pages. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { signinRoutes } from './signin.routes.js';

export const signinModule: ModuleManifest = {
  name: 'signin',
  area: 'residents',
  routes: [signinRoutes],
};
