/**
 * Serving residents on the client: the answer types of the API (see the API contract), label
 * helpers and China-time periods. No UI library here: the phone pages may use it too. Shared by the
 * service pages of both web helpers — keep additions additive.
 */
import { isoWeekOf as weekOf, quarterOf } from '@dangjian/contracts';
import {
  HOUSEHOLD_TAGS,
  POOR_TAGS,
  RESIDENTS_RULE_DEFAULTS,
  type ResidentsRuleKey,
  type ResidentsRules,
} from '@dangjian/contracts';
import { chinaNow } from '../../life/meetings/model';

export { chinaNow, percent } from '../../life/meetings/model';

/** Fields every service record carries. */
export interface ResidentsRecord {
  id: number;
  orgId: number;
  orgName: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A row of `GET /api/households`. */
export interface Household extends ResidentsRecord {
  address: string;
  headName: string;
  phone: string | null;
  tags: string[];
  isPoor: boolean;
  people: number;
  groupId: number | null;
  groupName: string | null;
  cadres: { memberId: number; name: string }[];
  note: string | null;
}

/** A resident of a household (numbers masked unless revealed). */
export interface Resident {
  id: number;
  name: string;
  relation: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
}

/** `GET /api/households/:id`. */
export interface HouseholdDetail extends Household {
  residents: Resident[];
  pairings: Pairing[];
  recentVisits: { id: number; visitedOn: string; visitorName: string; found: string }[];
  requestCount: number;
}

/** A row of `GET /api/household-groups`. */
export interface HouseholdGroup extends ResidentsRecord {
  name: string;
  leaderKind: string;
  leaderName: string;
  leaderMemberId: number | null;
  leaderPhone: string | null;
  households: number;
  poorHouseholds: number;
  people: number;
  sizeOk: boolean;
  poorOk: boolean;
}

/** `GET /api/household-groups/:id`. */
export interface HouseholdGroupDetail extends Omit<HouseholdGroup, 'households'> {
  households: { id: number; address: string; headName: string; tags: string[]; isPoor: boolean; people: number }[];
}

/** `GET /api/household-groups/coverage`. */
export interface GroupCoverage {
  groups: number;
  households: number;
  householdsTotal: number;
  people: number;
  peopleTotal: number;
  coverageRate: number;
  poorHouseholds: number;
  poorCovered: number;
  groupsOffRule: number;
  byOrg: {
    orgId: number;
    orgName: string;
    groups: number;
    households: number;
    householdsTotal: number;
    people: number;
    coverageRate: number;
  }[];
}

/** A row of `GET /api/pairings`. */
export interface Pairing extends ResidentsRecord {
  householdId: number;
  householdHead: string;
  householdAddress: string;
  cadreMemberId: number;
  cadreName: string;
  cadreOrgName: string;
  startedOn: string;
  endedOn: string | null;
}

/** A cadre's load in the pairing gaps. */
export interface CadreLoad {
  memberId: number;
  name: string;
  orgName: string;
  load: number;
}

/** `GET /api/pairings/gaps`. */
export interface PairingGaps {
  poorHouseholds: number;
  pairedHouseholds: number;
  unpaired: { householdId: number; headName: string; address: string; orgName: string }[];
  unpairedTotal: number;
  cadres: number;
  overloaded: CadreLoad[];
  underloaded: CadreLoad[];
  loadMin: number;
  loadMax: number;
}

/** A row of `GET /api/zones`. */
export interface Zone extends ResidentsRecord {
  name: string;
  area: string | null;
  households: number;
  members: { memberId: number; name: string; orgName: string; assignedOn: string }[];
}

/** A row of `GET /api/visits`. */
export interface Visit extends ResidentsRecord {
  householdId: number;
  householdHead: string;
  householdAddress: string;
  visitorMemberId: number;
  visitorName: string;
  visitedOn: string;
  found: string;
  promised: string | null;
  requestId: number | null;
  photos: number;
}

/** `GET /api/visits/quotas`. */
export interface VisitQuotas {
  quarter: string;
  villages: number;
  villagesVisited: number;
  villagesShort: { orgId: number; orgName: string; visits: number }[];
  week: string;
  weekFrom: string;
  weekTo: string;
  cadres: number;
  cadresShort: { memberId: number; name: string; orgName: string; days: number; households: number }[];
  rules: { villageVisitsPerQuarter: number; cadreVisitDaysPerWeek: number; cadreVisitHouseholdsPerWeek: number };
}

/** `GET /api/service-rules`. */
export interface ResidentsRulesAnswer {
  rules: ResidentsRules;
  defaults: ResidentsRules;
  overridden: ResidentsRuleKey[];
}

/** A member as the pickers see it (`GET /api/members?q=`). */
export interface MemberOption {
  id: number;
  name: string;
  orgName: string;
}

/** The rule keys in the order the rules page shows them. */
export const RESIDENTS_RULE_KEYS = Object.keys(RESIDENTS_RULE_DEFAULTS) as ResidentsRuleKey[];

/** Whether a set of tags makes a household poor (困难户). */
export function isPoorTags(tags: readonly string[]): boolean {
  return tags.some((t) => (POOR_TAGS as readonly string[]).includes(t));
}

/** Tags in the order of the label map (stable display). */
export function sortTags(tags: readonly string[]): string[] {
  const order = Object.keys(HOUSEHOLD_TAGS);
  return [...tags].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Today in China, `YYYY-MM-DD`. */
export function chinaToday(): string {
  return chinaNow().date;
}

/** The quarter of a date, `YYYY-Qn`. */
export { quarterOf };

/** The ISO week of a date, `YYYY-Www`. */
export function isoWeekOf(date: string): string {
  return weekOf(date).week;
}
