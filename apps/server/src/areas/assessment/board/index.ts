/** Module manifest: the public board (公开晾晒), read without signing in. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { boardRoutes } from './board.routes.js';

export const boardModule: ModuleManifest = {
  name: 'board',
  area: 'assessment',
  routes: [boardRoutes],
};
