/** Module manifest: One's notifications (written by other modules' jobs). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { notificationsRoutes } from './notifications.routes.js';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  area: 'core',
  routes: [notificationsRoutes],
};
