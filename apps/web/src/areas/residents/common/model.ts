/**
 * Serving residents on the client: the answer types of the API (from the contracts), label
 * helpers and China-time periods. No UI library here: the phone pages may use it too. Shared by the
 * service pages of both web helpers — keep additions additive.
 */
import { isoWeekOf as weekOf, quarterOf } from '@dangjian/contracts';
import { HOUSEHOLD_TAGS, POOR_TAGS, RESIDENTS_RULE_DEFAULTS, type ResidentsRuleKey } from '@dangjian/contracts';
import type { ResidentsRules } from '@dangjian/contracts';
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

/**
 * The answers of the API under the names the pages use: a row of `GET /api/households` (Household), a resident of
 * one (numbers masked unless revealed), `GET /api/households/:id`; a row of `GET /api/household-groups`,
 * `GET /api/household-groups/:id`, `…/coverage`; a row of `GET /api/pairings`, `GET /api/pairings/gaps`; a row of
 * `GET /api/zones`; a row of `GET /api/visits`, `GET /api/visits/quotas`.
 */
export type {
  HouseholdT as Household,
  ResidentT as Resident,
  HouseholdDetailT as HouseholdDetail,
  HouseholdGroupT as HouseholdGroup,
  HouseholdGroupDetailT as HouseholdGroupDetail,
  GroupCoverageT as GroupCoverage,
  PairingT as Pairing,
  PairingGapsT as PairingGaps,
  ZoneT as Zone,
  VisitT as Visit,
  VisitQuotasT as VisitQuotas,
} from '@dangjian/contracts';

/** A cadre's load in the pairing gaps. */
export interface CadreLoad {
  memberId: number;
  name: string;
  orgName: string;
  load: number;
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
