/**
 * Every module of the server, by area: the one list a new module is added to. The app registers their routes,
 * the demo loader runs their contributors, moving an organization re-paths their tables, the server runs their jobs.
 */
import type { DailyJob, ModuleManifest, OrgScopedTable } from '../platform/manifest.js';
import { authModule } from './core/auth/index.js';
import { orgsModule } from './core/orgs/index.js';
import { membersModule } from './core/members/index.js';
import { usersModule } from './core/users/index.js';
import { auditModule } from './core/audit/index.js';
import { statsModule } from './core/stats/index.js';
import { regionsModule } from './core/regions/index.js';
import { homeModule } from './core/home/index.js';
import { notificationsModule } from './core/notifications/index.js';
import { importsModule } from './core/imports/index.js';
import { figuresModule } from './core/figures/index.js';
import { rulesModule } from './core/rules/index.js';
import { meetingsModule } from './life/meetings/index.js';
import { householdsModule } from './residents/households/index.js';
import { groupsModule } from './residents/groups/index.js';
import { pairingsModule } from './residents/pairings/index.js';
import { zonesModule } from './residents/zones/index.js';
import { visitsModule } from './residents/visits/index.js';
import { requestsModule } from './residents/requests/index.js';
import { evaluationsModule } from './residents/evaluations/index.js';
import { signinModule } from './residents/signin/index.js';
import { wishesModule } from './residents/wishes/index.js';
import { errandsModule } from './residents/errands/index.js';
import { commonModule } from './residents/common/index.js';
import { screenModule } from './core/screen/index.js';
import { developmentModule } from './people/development/index.js';
import { transfersModule } from './people/transfers/index.js';
import { mobilityModule } from './people/mobility/index.js';
import { duesModule } from './people/dues/index.js';
import { tasksModule } from './supervision/tasks/index.js';
import { inspectionsModule } from './supervision/inspections/index.js';
import { problemsModule } from './supervision/problems/index.js';
import { weakOrgsModule } from './supervision/weakOrgs/index.js';
import { accountabilityModule } from './supervision/accountability/index.js';
import { bulletinsModule } from './supervision/bulletins/index.js';
import { ratingsModule } from './assessment/ratings/index.js';
import { pointsModule } from './assessment/points/index.js';
import { pledgesModule } from './assessment/pledges/index.js';
import { reportsModule } from './assessment/reports/index.js';
import { selectionsModule } from './assessment/selections/index.js';
import { retrainingModule } from './assessment/retraining/index.js';
import { cadresModule } from './people/cadres/index.js';
import { dispatchesModule } from './people/dispatches/index.js';
import { contactPointsModule } from './people/contactPoints/index.js';
import { postsModule } from './people/posts/index.js';
import { learningModule } from './life/learning/index.js';
import { trainingModule } from './life/training/index.js';
import { incomesModule } from './economy/incomes/index.js';
import { projectsModule } from './economy/projects/index.js';
import { fundsModule } from './economy/funds/index.js';
import { boardModule } from './assessment/board/index.js';
import { overviewModule } from './supervision/overview/index.js';
import { assessmentOverviewModule } from './assessment/overview/index.js';

/** The modules, in the order their routes are registered and their demo data is loaded. */
export const MANIFESTS: readonly ModuleManifest[] = [
  authModule,
  orgsModule,
  membersModule,
  usersModule,
  auditModule,
  statsModule,
  regionsModule,
  homeModule,
  notificationsModule,
  importsModule,
  figuresModule,
  rulesModule,
  meetingsModule,
  householdsModule,
  groupsModule,
  pairingsModule,
  zonesModule,
  visitsModule,
  requestsModule,
  evaluationsModule,
  signinModule,
  wishesModule,
  errandsModule,
  commonModule,
  screenModule,
  developmentModule,
  transfersModule,
  mobilityModule,
  duesModule,
  tasksModule,
  inspectionsModule,
  problemsModule,
  weakOrgsModule,
  accountabilityModule,
  bulletinsModule,
  ratingsModule,
  // Pledges before points: the points' demo harvests the fulfilled pledges.
  pledgesModule,
  pointsModule,
  reportsModule,
  selectionsModule,
  retrainingModule,
  boardModule,
  overviewModule,
  assessmentOverviewModule,
  cadresModule,
  dispatchesModule,
  contactPointsModule,
  postsModule,
  learningModule,
  trainingModule,
  incomesModule,
  projectsModule,
  fundsModule,
];

/** Every table an organization's move re-paths (`org_path` of its subtree), from the manifests. */
export const ORG_SCOPED_TABLES: readonly OrgScopedTable[] = [
  // The platform's own: every workflow's timeline (platform/data/timeline.ts) carries its record's path.
  'timeline_events',
  ...MANIFESTS.flatMap((m) => m.orgScopedTables ?? []),
];

/** The daily jobs of every module, in list order. */
export function dailyJobs(): DailyJob[] {
  return MANIFESTS.flatMap((m) => m.jobs ?? []);
}
