/** Ordered list of migrations; each runs once, in a transaction, recorded in schema_migrations. */
import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { core001 } from './001_core.js';
import { meetings002 } from './002_meetings.js';
import { versions003 } from './003_versions.js';
import { service004 } from './004_service.js';
import { serviceFigures005 } from './005_service_figures.js';
import { requestsList006 } from './006_requests_list.js';
import { admins007 } from './007_admins.js';
import { freeText009 } from './009_free_text.js';
import { areas010 } from './010_areas.js';
import { rules011 } from './011_rules.js';
import { timeline012 } from './012_timeline.js';
import { places013 } from './013_places.js';
import { requestNumbers014 } from './014_request_numbers.js';
import { development015 } from './015_development.js';
import { transfers016 } from './016_transfers.js';
import { dues017 } from './017_dues.js';
import { mobility018 } from './018_mobility.js';
import { developmentPlans019 } from './019_development_plans.js';
import { tasks020 } from './020_tasks.js';
import { inspections021 } from './021_inspections.js';
import { problems022 } from './022_problems.js';
import { weakOrgs023 } from './023_weak_orgs.js';
import { accountability024 } from './024_accountability.js';
import { bulletins025 } from './025_bulletins.js';
import { ratings026 } from './026_ratings.js';
import { points027 } from './027_points.js';
import { pledges028 } from './028_pledges.js';
import { reports029 } from './029_reports.js';
import { selections030 } from './030_selections.js';
import { retraining031 } from './031_retraining.js';
import { cadres032 } from './032_cadres.js';
import { dispatches033 } from './033_dispatches.js';
import { contactPoints034 } from './034_contact_points.js';
import { posts035 } from './035_posts.js';
import { learning036 } from './036_learning.js';
import { training037 } from './037_training.js';
import { incomes038 } from './038_incomes.js';
import { projects039 } from './039_projects.js';
import { funds040 } from './040_funds.js';
import { rateCounters041 } from './041_rate_counters.js';
import { listOrder042 } from './042_list_order.js';
import { regions043 } from './043_regions.js';
import { rollups044 } from './044_rollups.js';

export interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  core001,
  meetings002,
  versions003,
  service004,
  serviceFigures005,
  requestsList006,
  admins007,
  freeText009,
  areas010,
  rules011,
  timeline012,
  places013,
  requestNumbers014,
  development015,
  transfers016,
  dues017,
  mobility018,
  developmentPlans019,
  tasks020,
  inspections021,
  problems022,
  weakOrgs023,
  accountability024,
  bulletins025,
  ratings026,
  points027,
  pledges028,
  reports029,
  selections030,
  retraining031,
  cadres032,
  dispatches033,
  contactPoints034,
  posts035,
  learning036,
  training037,
  incomes038,
  projects039,
  funds040,
  rateCounters041,
  listOrder042,
  regions043,
  rollups044,
];
