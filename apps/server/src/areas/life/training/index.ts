/** Module manifest: rotation training classes and the hours members earn by attending (三分五统, 学时). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { trainingContributor } from './training.demo.js';
import { trainingRoutes } from './training.routes.js';
import './training.rules.js';

export const trainingModule: ModuleManifest = {
  name: 'training',
  area: 'life',
  routes: [trainingRoutes],
  orgScopedTables: ['training_classes', 'training_sessions', 'training_attendees', 'training_attendance'],
  versionDomains: ['training'],
  capabilities: ['training.read', 'training.write', 'training.review', 'training.mine'],
  demo: trainingContributor,
};
