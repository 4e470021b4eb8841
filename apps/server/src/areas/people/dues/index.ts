/** Module manifest: party dues (党费) — rule versions, profiles, monthly bills, payments and review, flags, figures. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { duesContributor } from '../../../demo/dues.js';
import { runDuesJob } from './dues.flags.js';
import { duesRoutes } from './dues.routes.js';

export const duesModule: ModuleManifest = {
  name: 'dues',
  area: 'people',
  routes: [duesRoutes],
  orgScopedTables: ['dues_bills', 'dues_payments'],
  versionDomains: ['dues'],
  capabilities: ['dues.read', 'dues.write', 'dues.review', 'dues.rules', 'dues.own'],
  demo: duesContributor,
  jobs: [{ name: 'dues bills and six-month flags', run: (ctx) => runDuesJob(ctx) }],
};
