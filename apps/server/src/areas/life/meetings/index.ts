/** Module manifest: Organizational life (三会一课…): meetings, check-in, photos, rules, compliance and figures. */
import type { ModuleManifest } from '../../../platform/manifest.js';
import { meetingsRoutes } from './meetings.routes.js';
import { meetingsContributor } from '../../../demo/meetings.js';
import { runReminders } from './meetings.reminders.js';

export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  area: 'life',
  routes: [meetingsRoutes],
  orgScopedTables: ['meetings'],
  versionDomains: ['meetings'],
  capabilities: ['meetings.read', 'meetings.write', 'meetings.rules', 'meetings.checkin'],
  demo: meetingsContributor,
  jobs: [{ name: 'reminders', run: (ctx, { today }) => runReminders(ctx, today) }],
};
