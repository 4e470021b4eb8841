/** Module manifest: plans and prompts down the tree (双周计划, 月提示). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { tasksContributor } from './tasks.demo.js';
import { runTasksJob } from './tasks.reminders.js';
import { tasksRoutes } from './tasks.routes.js';

export const tasksModule: ModuleManifest = {
  name: 'tasks',
  area: 'supervision',
  routes: [tasksRoutes],
  orgScopedTables: ['tasks', 'task_targets'],
  versionDomains: ['tasks'],
  capabilities: ['tasks.read', 'tasks.issue', 'tasks.report'],
  demo: tasksContributor,
  jobs: [{ name: 'tasks checks and reminders', run: (ctx, { now }) => runTasksJob(ctx, now) }],
};
