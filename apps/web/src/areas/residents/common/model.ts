/**
 * Serving residents on the client: the answer types of the API (from the contracts), label
 * helpers and China-time periods. No UI library here: the phone pages may use it too. Shared by the
 * service pages of both web helpers — keep additions additive.
 */
import { isoWeekOf as weekOf, quarterOf } from '@dangjian/contracts';
import {
  type HouseholdT,
  type ResidentT,
  type HouseholdDetailT,
  type HouseholdGroupT,
  type HouseholdGroupDetailT,
  type GroupCoverageT,
  type PairingT,
  type PairingGapsT,
  type ZoneT,
  type VisitT,
  type VisitQuotasT,
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
export type Household = HouseholdT;

/** A resident of a household (numbers masked unless revealed). */
export type Resident = ResidentT;

/** `GET /api/households/:id`. */
export type HouseholdDetail = HouseholdDetailT;

/** A row of `GET /api/household-groups`. */
export type HouseholdGroup = HouseholdGroupT;

/** `GET /api/household-groups/:id`. */
export type HouseholdGroupDetail = HouseholdGroupDetailT;

/** `GET /api/household-groups/coverage`. */
export type GroupCoverage = GroupCoverageT;

/** A row of `GET /api/pairings`. */
export type Pairing = PairingT;

/** A cadre's load in the pairing gaps. */
export interface CadreLoad {
  memberId: number;
  name: string;
  orgName: string;
  load: number;
}

/** `GET /api/pairings/gaps`. */
export type PairingGaps = PairingGapsT;

/** A row of `GET /api/zones`. */
export type Zone = ZoneT;

/** A row of `GET /api/visits`. */
export type Visit = VisitT;

/** `GET /api/visits/quotas`. */
export type VisitQuotas = VisitQuotasT;

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
