/** Module manifest: plans and prompts down the tree (双周计划, 月提示). */
import type { ModuleManifest } from '../../../platform/manifest.js';

export const tasksModule: ModuleManifest = {
  name: 'tasks',
  area: 'supervision',
  routes: [],
};
