/** Module manifest: problems and their rectification (问题整改). */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { problemsContributor } from './problems.demo.js';
import { remindProblems } from './problems.reminders.js';
import { problemsRoutes } from './problems.routes.js';
import './problems.rules.js';

export const problemsModule: ModuleManifest = {
  name: 'problems',
  area: 'supervision',
  routes: [problemsRoutes],
  orgScopedTables: ['problems', 'problem_measures'],
  versionDomains: ['problems'],
  capabilities: ['problems.read', 'problems.write', 'problems.verify', 'problems.rules'],
  demo: problemsContributor,
  jobs: [{ name: 'problem reminders', run: (ctx, { now }) => remindProblems(ctx, now) }],
};
