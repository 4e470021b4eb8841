/**
 * Every web module, by area (the same areas and modules as the server). The router and the side menu read this
 * list; adding a module's pages means adding its manifest here, and nothing else central.
 */
import type { WebModule } from '../app/modules';
import { auditWeb } from './core/audit';
import { homeWeb } from './core/home';
import { membersWeb } from './core/members';
import { orgsWeb } from './core/orgs';
import { regionsWeb } from './core/regions';
import { rulesWeb } from './core/rules';
import { usersWeb } from './core/users';
import { meetingsWeb } from './life/meetings';
import { commonWeb } from './residents/common';
import { errandsWeb } from './residents/errands';
import { evaluationsWeb } from './residents/evaluations';
import { groupsWeb } from './residents/groups';
import { householdsWeb } from './residents/households';
import { pairingsWeb } from './residents/pairings';
import { requestsWeb } from './residents/requests';
import { visitsWeb } from './residents/visits';
import { wishesWeb } from './residents/wishes';
import { zonesWeb } from './residents/zones';
import { developmentWeb } from './people/development';
import { transfersWeb } from './people/transfers';
import { mobilityWeb } from './people/mobility';
import { duesWeb } from './people/dues';
import { tasksWeb } from './supervision/tasks';
import { inspectionsWeb } from './supervision/inspections';
import { problemsWeb } from './supervision/problems';
import { weakOrgsWeb } from './supervision/weakOrgs';
import { accountabilityWeb } from './supervision/accountability';
import { bulletinsWeb } from './supervision/bulletins';
import { ratingsWeb } from './assessment/ratings';
import { pointsWeb } from './assessment/points';
import { pledgesWeb } from './assessment/pledges';
import { reportsWeb } from './assessment/reports';
import { selectionsWeb } from './assessment/selections';
import { retrainingWeb } from './assessment/retraining';
import { cadresWeb } from './people/cadres';
import { dispatchesWeb } from './people/dispatches';
import { contactPointsWeb } from './people/contactPoints';
import { postsWeb } from './people/posts';
import { learningWeb } from './life/learning';
import { trainingWeb } from './life/training';
import { incomesWeb } from './economy/incomes';
import { projectsWeb } from './economy/projects';
import { fundsWeb } from './economy/funds';
import { boardWeb } from './assessment/board';
import { overviewWeb } from './supervision/overview';
import { assessmentOverviewWeb } from './assessment/overview';

/** The modules in menu order within each menu position. */
export const WEB_MODULES: readonly WebModule[] = [
  homeWeb,
  regionsWeb,
  orgsWeb,
  membersWeb,
  developmentWeb,
  auditWeb,
  usersWeb,
  rulesWeb,
  meetingsWeb,
  householdsWeb,
  groupsWeb,
  pairingsWeb,
  visitsWeb,
  requestsWeb,
  evaluationsWeb,
  wishesWeb,
  errandsWeb,
  zonesWeb,
  commonWeb,
  transfersWeb,
  mobilityWeb,
  duesWeb,
  tasksWeb,
  inspectionsWeb,
  problemsWeb,
  weakOrgsWeb,
  accountabilityWeb,
  bulletinsWeb,
  ratingsWeb,
  pointsWeb,
  pledgesWeb,
  reportsWeb,
  selectionsWeb,
  retrainingWeb,
  boardWeb,
  overviewWeb,
  assessmentOverviewWeb,
  cadresWeb,
  dispatchesWeb,
  contactPointsWeb,
  postsWeb,
  learningWeb,
  trainingWeb,
  incomesWeb,
  projectsWeb,
  fundsWeb,
];
