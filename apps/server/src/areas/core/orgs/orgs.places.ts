/**
 * Places (村、社区、乡镇): a village or a community is a place with its party organization(s). The village-level
 * organization carries the place's name (`orgs.place_name`: 大岭村党总支 → 大岭村), which lists, pickers, exports
 * and imports show instead of the party organization's name.
 */

/** Organization types that stand for a village or a community (村、社区党组织). */
export const PLACE_TYPES = ['branch', 'general_branch', 'joint_branch', 'committee'];
/** Fields of village and community organizations. */
export const PLACE_FIELDS = ['rural', 'community'];
/**
 * A village sits at least two levels below the county (county → township → village); a township committee is
 * also 'rural'.
 */
export const PLACE_MIN_DEPTH = 2;

/** The fields of an organization the place rules read. */
export interface PlaceOrgLike {
  type: string;
  field: string | null;
  depth: number;
}

/**
 * Whether an organization is a village or a community one: where households, groups, zones and wishes
 * live. One definition for every service module, so a wish never goes to a place that can hold no household.
 */
export function isPlaceOrg(org: PlaceOrgLike, fields: readonly string[] = PLACE_FIELDS): boolean {
  return (
    PLACE_TYPES.includes(org.type) && org.field != null && fields.includes(org.field) && org.depth >= PLACE_MIN_DEPTH
  );
}

/** Whether an organization stands for a township (乡镇、街道): a rural or community committee below the county. */
export function isTownshipOrg(org: PlaceOrgLike): boolean {
  return org.type === 'committee' && org.depth === 1 && org.field != null && PLACE_FIELDS.includes(org.field);
}

/**
 * Whether an organization is the village-level one (its place's organization): a village or community one whose
 * parent is not (大岭村党总支, not its 第二党支部 below).
 */
export function isVillageLevel(org: PlaceOrgLike, parent: PlaceOrgLike | null): boolean {
  return isPlaceOrg(org) && !(parent && isPlaceOrg(parent));
}

// The party suffixes of an organization's name, longest first; a numbered sub-branch keeps no place of its own.
const PARTY_SUFFIX =
  /(第[一二三四五六七八九十]+党支部|联合党支部|党总支部|党总支|党支部|党工委|党委|总支部|支部委员会|支部)$/;

/** A place's name from its organization's name: the party suffix stripped (大岭村党总支 → 大岭村, 城关镇党委 → 城关镇). */
export function placeNameOf(orgName: string): string {
  const name = orgName.trim().replace(PARTY_SUFFIX, '').trim();
  return name || orgName.trim();
}

/** The place name a new or re-typed organization gets unless one is given: villages' and townships' only. */
export function defaultPlaceName(org: PlaceOrgLike & { name: string }, parent: PlaceOrgLike | null): string | null {
  return isVillageLevel(org, parent) || isTownshipOrg(org) ? placeNameOf(org.name) : null;
}
