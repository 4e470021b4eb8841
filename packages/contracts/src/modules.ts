/**
 * The contracts' list of modules: what each area declares for the whole platform — its capabilities (with their
 * labels and the roles that hold them), its error codes, and its audit actions and entity types (zh/en). A new
 * module adds its objects here and nowhere else; `core/roles.ts`, `core/errors.ts` and `core/auditLabels.ts` derive
 * the platform's tables from this list.
 */
import { CORE_AUDIT_ACTIONS, CORE_AUDIT_ENTITIES } from './core/core.audit.js';
import { CORE_CAPABILITIES } from './core/core.capabilities.js';
import { CORE_ERRORS } from './core/core.errors.js';
import { MEETINGS_AUDIT_ACTIONS, MEETINGS_AUDIT_ENTITIES } from './life/meetings.audit.js';
import { MEETINGS_CAPABILITIES } from './life/meetings.capabilities.js';
import { MEETINGS_ERRORS } from './life/meetings.errors.js';
import { RESIDENTS_AUDIT_ACTIONS, RESIDENTS_AUDIT_ENTITIES } from './residents/residents.audit.js';
import { RESIDENTS_CAPABILITIES } from './residents/residents.capabilities.js';
import { RESIDENTS_ERRORS } from './residents/residents.errors.js';
import { DEVELOPMENT_AUDIT_ACTIONS, DEVELOPMENT_AUDIT_ENTITIES } from './people/development.audit.js';
import { DEVELOPMENT_CAPABILITIES } from './people/development.capabilities.js';
import { DEVELOPMENT_ERRORS } from './people/development.errors.js';
import { TRANSFERS_AUDIT_ACTIONS, TRANSFERS_AUDIT_ENTITIES } from './people/transfers.audit.js';
import { TRANSFERS_CAPABILITIES } from './people/transfers.capabilities.js';
import { TRANSFERS_ERRORS } from './people/transfers.errors.js';
import { DUES_AUDIT_ACTIONS, DUES_AUDIT_ENTITIES } from './people/dues.audit.js';
import { DUES_CAPABILITIES } from './people/dues.capabilities.js';
import { DUES_ERRORS } from './people/dues.errors.js';
import { MOBILITY_AUDIT_ACTIONS, MOBILITY_AUDIT_ENTITIES } from './people/mobility.audit.js';
import { MOBILITY_CAPABILITIES } from './people/mobility.capabilities.js';
import { MOBILITY_ERRORS } from './people/mobility.errors.js';
import {
  DEVELOPMENT_PLANS_AUDIT_ACTIONS,
  DEVELOPMENT_PLANS_AUDIT_ENTITIES,
  DEVELOPMENT_PLANS_CAPABILITIES,
  DEVELOPMENT_PLANS_ERRORS,
} from './people/developmentPlans.js';

import { TASKS_AUDIT_ACTIONS, TASKS_AUDIT_ENTITIES } from './supervision/tasks.audit.js';
import { TASKS_CAPABILITIES } from './supervision/tasks.capabilities.js';
import { TASKS_ERRORS } from './supervision/tasks.errors.js';
import { INSPECTIONS_AUDIT_ACTIONS, INSPECTIONS_AUDIT_ENTITIES } from './supervision/inspections.audit.js';
import { INSPECTIONS_CAPABILITIES } from './supervision/inspections.capabilities.js';
import { INSPECTIONS_ERRORS } from './supervision/inspections.errors.js';
import { PROBLEMS_AUDIT_ACTIONS, PROBLEMS_AUDIT_ENTITIES } from './supervision/problems.audit.js';
import { PROBLEMS_CAPABILITIES } from './supervision/problems.capabilities.js';
import { PROBLEMS_ERRORS } from './supervision/problems.errors.js';
import { WEAK_ORGS_AUDIT_ACTIONS, WEAK_ORGS_AUDIT_ENTITIES } from './supervision/weakOrgs.audit.js';
import { WEAK_ORGS_CAPABILITIES } from './supervision/weakOrgs.capabilities.js';
import { WEAK_ORGS_ERRORS } from './supervision/weakOrgs.errors.js';
import { ACCOUNTABILITY_AUDIT_ACTIONS, ACCOUNTABILITY_AUDIT_ENTITIES } from './supervision/accountability.audit.js';
import { ACCOUNTABILITY_CAPABILITIES } from './supervision/accountability.capabilities.js';
import { ACCOUNTABILITY_ERRORS } from './supervision/accountability.errors.js';
import { BULLETINS_AUDIT_ACTIONS, BULLETINS_AUDIT_ENTITIES } from './supervision/bulletins.audit.js';
import { BULLETINS_CAPABILITIES } from './supervision/bulletins.capabilities.js';
import { BULLETINS_ERRORS } from './supervision/bulletins.errors.js';
import { RATINGS_AUDIT_ACTIONS, RATINGS_AUDIT_ENTITIES } from './assessment/ratings.audit.js';
import { RATINGS_CAPABILITIES } from './assessment/ratings.capabilities.js';
import { RATINGS_ERRORS } from './assessment/ratings.errors.js';
import { POINTS_AUDIT_ACTIONS, POINTS_AUDIT_ENTITIES } from './assessment/points.audit.js';
import { POINTS_CAPABILITIES } from './assessment/points.capabilities.js';
import { POINTS_ERRORS } from './assessment/points.errors.js';
import { PLEDGES_AUDIT_ACTIONS, PLEDGES_AUDIT_ENTITIES } from './assessment/pledges.audit.js';
import { PLEDGES_CAPABILITIES } from './assessment/pledges.capabilities.js';
import { PLEDGES_ERRORS } from './assessment/pledges.errors.js';
import { REPORTS_AUDIT_ACTIONS, REPORTS_AUDIT_ENTITIES } from './assessment/reports.audit.js';
import { REPORTS_CAPABILITIES } from './assessment/reports.capabilities.js';
import { REPORTS_ERRORS } from './assessment/reports.errors.js';
import { SELECTIONS_AUDIT_ACTIONS, SELECTIONS_AUDIT_ENTITIES } from './assessment/selections.audit.js';
import { SELECTIONS_CAPABILITIES } from './assessment/selections.capabilities.js';
import { SELECTIONS_ERRORS } from './assessment/selections.errors.js';
import { RETRAINING_AUDIT_ACTIONS, RETRAINING_AUDIT_ENTITIES } from './assessment/retraining.audit.js';
import { RETRAINING_CAPABILITIES } from './assessment/retraining.capabilities.js';
import { RETRAINING_ERRORS } from './assessment/retraining.errors.js';
import { CADRES_AUDIT_ACTIONS, CADRES_AUDIT_ENTITIES } from './people/cadres.audit.js';
import { CADRES_CAPABILITIES } from './people/cadres.capabilities.js';
import { CADRES_ERRORS } from './people/cadres.errors.js';
import { DISPATCHES_AUDIT_ACTIONS, DISPATCHES_AUDIT_ENTITIES } from './people/dispatches.audit.js';
import { DISPATCHES_CAPABILITIES } from './people/dispatches.capabilities.js';
import { DISPATCHES_ERRORS } from './people/dispatches.errors.js';
import { CONTACT_POINTS_AUDIT_ACTIONS, CONTACT_POINTS_AUDIT_ENTITIES } from './people/contactPoints.audit.js';
import { CONTACT_POINTS_CAPABILITIES } from './people/contactPoints.capabilities.js';
import { CONTACT_POINTS_ERRORS } from './people/contactPoints.errors.js';
import { POSTS_AUDIT_ACTIONS, POSTS_AUDIT_ENTITIES } from './people/posts.audit.js';
import { POSTS_CAPABILITIES } from './people/posts.capabilities.js';
import { POSTS_ERRORS } from './people/posts.errors.js';
import { LEARNING_AUDIT_ACTIONS, LEARNING_AUDIT_ENTITIES } from './life/learning.audit.js';
import { LEARNING_CAPABILITIES } from './life/learning.capabilities.js';
import { LEARNING_ERRORS } from './life/learning.errors.js';
import { TRAINING_AUDIT_ACTIONS, TRAINING_AUDIT_ENTITIES } from './life/training.audit.js';
import { TRAINING_CAPABILITIES } from './life/training.capabilities.js';
import { TRAINING_ERRORS } from './life/training.errors.js';
import { INCOMES_AUDIT_ACTIONS, INCOMES_AUDIT_ENTITIES } from './economy/incomes.audit.js';
import { INCOMES_CAPABILITIES } from './economy/incomes.capabilities.js';
import { INCOMES_ERRORS } from './economy/incomes.errors.js';
import { PROJECTS_AUDIT_ACTIONS, PROJECTS_AUDIT_ENTITIES } from './economy/projects.audit.js';
import { PROJECTS_CAPABILITIES } from './economy/projects.capabilities.js';
import { PROJECTS_ERRORS } from './economy/projects.errors.js';
import { FUNDS_AUDIT_ACTIONS, FUNDS_AUDIT_ENTITIES } from './economy/funds.audit.js';
import { FUNDS_CAPABILITIES } from './economy/funds.capabilities.js';
import { FUNDS_ERRORS } from './economy/funds.errors.js';
import { OVERVIEW_CAPABILITIES, OVERVIEW_ERRORS } from './supervision/overview.js';
import { ASSESSMENT_OVERVIEW_CAPABILITIES, ASSESSMENT_OVERVIEW_ERRORS } from './assessment/overview.js';
/** Every capability of every module. */
export const MODULE_CAPABILITIES = {
  ...CORE_CAPABILITIES,
  ...MEETINGS_CAPABILITIES,
  ...RESIDENTS_CAPABILITIES,
  ...DEVELOPMENT_CAPABILITIES,
  ...TRANSFERS_CAPABILITIES,
  ...DUES_CAPABILITIES,
  ...MOBILITY_CAPABILITIES,
  ...DEVELOPMENT_PLANS_CAPABILITIES,
  ...TASKS_CAPABILITIES,
  ...INSPECTIONS_CAPABILITIES,
  ...PROBLEMS_CAPABILITIES,
  ...WEAK_ORGS_CAPABILITIES,
  ...ACCOUNTABILITY_CAPABILITIES,
  ...BULLETINS_CAPABILITIES,
  ...RATINGS_CAPABILITIES,
  ...POINTS_CAPABILITIES,
  ...PLEDGES_CAPABILITIES,
  ...REPORTS_CAPABILITIES,
  ...SELECTIONS_CAPABILITIES,
  ...RETRAINING_CAPABILITIES,
  ...CADRES_CAPABILITIES,
  ...DISPATCHES_CAPABILITIES,
  ...CONTACT_POINTS_CAPABILITIES,
  ...POSTS_CAPABILITIES,
  ...LEARNING_CAPABILITIES,
  ...TRAINING_CAPABILITIES,
  ...INCOMES_CAPABILITIES,
  ...PROJECTS_CAPABILITIES,
  ...FUNDS_CAPABILITIES,
  ...OVERVIEW_CAPABILITIES,
  ...ASSESSMENT_OVERVIEW_CAPABILITIES,
};

/** Every error code of every module. */
export const MODULE_ERRORS = {
  ...CORE_ERRORS,
  ...MEETINGS_ERRORS,
  ...RESIDENTS_ERRORS,
  ...DEVELOPMENT_ERRORS,
  ...TRANSFERS_ERRORS,
  ...DUES_ERRORS,
  ...MOBILITY_ERRORS,
  ...DEVELOPMENT_PLANS_ERRORS,
  ...TASKS_ERRORS,
  ...INSPECTIONS_ERRORS,
  ...PROBLEMS_ERRORS,
  ...WEAK_ORGS_ERRORS,
  ...ACCOUNTABILITY_ERRORS,
  ...BULLETINS_ERRORS,
  ...RATINGS_ERRORS,
  ...POINTS_ERRORS,
  ...PLEDGES_ERRORS,
  ...REPORTS_ERRORS,
  ...SELECTIONS_ERRORS,
  ...RETRAINING_ERRORS,
  ...CADRES_ERRORS,
  ...DISPATCHES_ERRORS,
  ...CONTACT_POINTS_ERRORS,
  ...POSTS_ERRORS,
  ...LEARNING_ERRORS,
  ...TRAINING_ERRORS,
  ...INCOMES_ERRORS,
  ...PROJECTS_ERRORS,
  ...FUNDS_ERRORS,
  ...OVERVIEW_ERRORS,
  ...ASSESSMENT_OVERVIEW_ERRORS,
};

/** Every audit action code of every module, in words (zh/en). */
export const MODULE_AUDIT_ACTIONS = {
  ...CORE_AUDIT_ACTIONS,
  ...MEETINGS_AUDIT_ACTIONS,
  ...RESIDENTS_AUDIT_ACTIONS,
  ...DEVELOPMENT_AUDIT_ACTIONS,
  ...TRANSFERS_AUDIT_ACTIONS,
  ...DUES_AUDIT_ACTIONS,
  ...MOBILITY_AUDIT_ACTIONS,
  ...DEVELOPMENT_PLANS_AUDIT_ACTIONS,
  ...TASKS_AUDIT_ACTIONS,
  ...INSPECTIONS_AUDIT_ACTIONS,
  ...PROBLEMS_AUDIT_ACTIONS,
  ...WEAK_ORGS_AUDIT_ACTIONS,
  ...ACCOUNTABILITY_AUDIT_ACTIONS,
  ...BULLETINS_AUDIT_ACTIONS,
  ...RATINGS_AUDIT_ACTIONS,
  ...POINTS_AUDIT_ACTIONS,
  ...PLEDGES_AUDIT_ACTIONS,
  ...REPORTS_AUDIT_ACTIONS,
  ...SELECTIONS_AUDIT_ACTIONS,
  ...RETRAINING_AUDIT_ACTIONS,
  ...CADRES_AUDIT_ACTIONS,
  ...DISPATCHES_AUDIT_ACTIONS,
  ...CONTACT_POINTS_AUDIT_ACTIONS,
  ...POSTS_AUDIT_ACTIONS,
  ...LEARNING_AUDIT_ACTIONS,
  ...TRAINING_AUDIT_ACTIONS,
  ...INCOMES_AUDIT_ACTIONS,
  ...PROJECTS_AUDIT_ACTIONS,
  ...FUNDS_AUDIT_ACTIONS,
};

/** Every audit entity type of every module, in words (zh/en). */
export const MODULE_AUDIT_ENTITIES = {
  ...CORE_AUDIT_ENTITIES,
  ...MEETINGS_AUDIT_ENTITIES,
  ...RESIDENTS_AUDIT_ENTITIES,
  ...DEVELOPMENT_AUDIT_ENTITIES,
  ...TRANSFERS_AUDIT_ENTITIES,
  ...DUES_AUDIT_ENTITIES,
  ...MOBILITY_AUDIT_ENTITIES,
  ...DEVELOPMENT_PLANS_AUDIT_ENTITIES,
  ...TASKS_AUDIT_ENTITIES,
  ...INSPECTIONS_AUDIT_ENTITIES,
  ...PROBLEMS_AUDIT_ENTITIES,
  ...WEAK_ORGS_AUDIT_ENTITIES,
  ...ACCOUNTABILITY_AUDIT_ENTITIES,
  ...BULLETINS_AUDIT_ENTITIES,
  ...RATINGS_AUDIT_ENTITIES,
  ...POINTS_AUDIT_ENTITIES,
  ...PLEDGES_AUDIT_ENTITIES,
  ...REPORTS_AUDIT_ENTITIES,
  ...SELECTIONS_AUDIT_ENTITIES,
  ...RETRAINING_AUDIT_ENTITIES,
  ...CADRES_AUDIT_ENTITIES,
  ...DISPATCHES_AUDIT_ENTITIES,
  ...CONTACT_POINTS_AUDIT_ENTITIES,
  ...POSTS_AUDIT_ENTITIES,
  ...LEARNING_AUDIT_ENTITIES,
  ...TRAINING_AUDIT_ENTITIES,
  ...INCOMES_AUDIT_ENTITIES,
  ...PROJECTS_AUDIT_ENTITIES,
  ...FUNDS_AUDIT_ENTITIES,
};
