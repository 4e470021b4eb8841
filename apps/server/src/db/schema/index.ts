/** Table types of the database, shared by both dialects (timestamps and dates are ISO text), by area. */
import type {
  OrgsTable,
  MembersTable,
  UsersTable,
  RegionsTable,
  CountyRegionsTable,
  RollupOrgMonthTable,
  RollupStateTable,
  RoleGrantsTable,
  LoginAttemptsTable,
  SessionsTable,
  AuditLogTable,
  AuditHeadTable,
} from './core.js';
import type {
  MeetingsTable,
  MeetingAttendanceTable,
  MeetingMotionsTable,
  MeetingReviewsTable,
  MeetingPhotosTable,
} from './life.js';
import type {
  NotificationsTable,
  JobRunsTable,
  RateCountersTable,
  RateValuesTable,
  DataVersionsTable,
  TimelineEventsTable,
  MessageOutboxTable,
  RuleOverridesTable,
} from './platform.js';
import type {
  HouseholdsTable,
  ResidentsTable,
  HouseholdGroupsTable,
  PairingsTable,
  VisitsTable,
  RequestsTable,
  ResidentsEvaluationsTable,
  WishesTable,
  ErrandsTable,
  ZonesTable,
  ZoneMembersTable,
  ResidentsPhotosTable,
  ResidentCodesTable,
  ResidentSessionsTable,
  RequestNumbersTable,
} from './residents.js';
import type { DevelopmentTables } from './development.js';
import type { TransfersTables } from './transfers.js';
import type { DuesTables } from './dues.js';
import type { MobilityTables } from './mobility.js';
import type { DevelopmentPlansTables } from './developmentPlans.js';
import type { TasksTables } from './tasks.js';
import type { InspectionsTables } from './inspections.js';
import type { ProblemsTables } from './problems.js';
import type { WeakOrgsTables } from './weakOrgs.js';
import type { AccountabilityTables } from './accountability.js';
import type { BulletinsTables } from './bulletins.js';
import type { RatingsTables } from './ratings.js';
import type { PointsTables } from './points.js';
import type { PledgesTables } from './pledges.js';
import type { ReportsTables } from './reports.js';
import type { SelectionsTables } from './selections.js';
import type { RetrainingTables } from './retraining.js';
import type { CadresTables } from './cadres.js';
import type { DispatchesTables } from './dispatches.js';
import type { ContactPointsTables } from './contactPoints.js';
import type { PostsTables } from './posts.js';
import type { LearningTables } from './learning.js';
import type { TrainingTables } from './training.js';
import type { IncomesTables } from './incomes.js';
import type { ProjectsTables } from './projects.js';
import type { FundsTables } from './funds.js';

export type * from './core.js';
export type * from './life.js';
export type * from './platform.js';
export type * from './residents.js';
export type * from './development.js';
export type * from './transfers.js';
export type * from './dues.js';
export type * from './mobility.js';
export type * from './tasks.js';
export type * from './inspections.js';
export type * from './problems.js';
export type * from './weakOrgs.js';
export type * from './accountability.js';
export type * from './bulletins.js';
export type * from './ratings.js';
export type * from './points.js';
export type * from './pledges.js';
export type * from './reports.js';
export type * from './selections.js';
export type * from './retraining.js';
export type * from './cadres.js';
export type * from './dispatches.js';
export type * from './contactPoints.js';
export type * from './posts.js';
export type * from './learning.js';
export type * from './training.js';
export type * from './incomes.js';
export type * from './projects.js';
export type * from './funds.js';
export type * from './developmentPlans.js';

/** Every table: the core's, life's and residents' here, each people module's from its own file. */
export interface DB
  extends DevelopmentTables,
    TransfersTables,
    DuesTables,
    MobilityTables,
    DevelopmentPlansTables,
    TasksTables,
    InspectionsTables,
    ProblemsTables,
    WeakOrgsTables,
    AccountabilityTables,
    BulletinsTables,
    RatingsTables,
    PointsTables,
    PledgesTables,
    ReportsTables,
    SelectionsTables,
    RetrainingTables,
    CadresTables,
    DispatchesTables,
    ContactPointsTables,
    PostsTables,
    LearningTables,
    TrainingTables,
    IncomesTables,
    ProjectsTables,
    FundsTables {
  orgs: OrgsTable;
  members: MembersTable;
  users: UsersTable;
  regions: RegionsTable;
  county_regions: CountyRegionsTable;
  rollup_org_month: RollupOrgMonthTable;
  rollup_state: RollupStateTable;
  login_attempts: LoginAttemptsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  meetings: MeetingsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_motions: MeetingMotionsTable;
  meeting_reviews: MeetingReviewsTable;
  meeting_photos: MeetingPhotosTable;
  notifications: NotificationsTable;
  job_runs: JobRunsTable;
  rate_counters: RateCountersTable;
  rate_values: RateValuesTable;
  data_versions: DataVersionsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  household_groups: HouseholdGroupsTable;
  pairings: PairingsTable;
  visits: VisitsTable;
  requests: RequestsTable;
  request_numbers: RequestNumbersTable;
  residents_evaluations: ResidentsEvaluationsTable;
  wishes: WishesTable;
  errands: ErrandsTable;
  zones: ZonesTable;
  zone_members: ZoneMembersTable;
  timeline_events: TimelineEventsTable;
  residents_photos: ResidentsPhotosTable;
  resident_codes: ResidentCodesTable;
  resident_sessions: ResidentSessionsTable;
  message_outbox: MessageOutboxTable;
  rule_overrides: RuleOverridesTable;
}
