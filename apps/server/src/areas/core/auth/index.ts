/** Module manifest: Sign-in, sessions, one's own account and password. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { authRoutes } from './auth.routes.js';

export const authModule: ModuleManifest = {
  name: 'auth',
  area: 'core',
  routes: [authRoutes],
  capabilities: ['self.read'],
};
