/** Villages and communities (村、社区): the organizations where households, groups, zones and wishes live. */

/** Organization types that stand for a village or a community (村、社区党组织). */
export const PLACE_TYPES = ['branch', 'general_branch', 'joint_branch', 'committee'];
/** Fields of village and community organizations. */
export const PLACE_FIELDS = ['rural', 'community'];
/**
 * A village sits at least two levels below the county (county → township → village); a township committee is
 * also 'rural'.
 */
export const PLACE_MIN_DEPTH = 2;

/**
 * Whether an organization is a village or a community one: where households, groups, zones and wishes
 * live. One definition for every service module, so a wish never goes to a place that can hold no household.
 */
export function isPlaceOrg(
  org: { type: string; field: string | null; depth: number },
  fields: readonly string[] = PLACE_FIELDS,
): boolean {
  return (
    PLACE_TYPES.includes(org.type) && org.field != null && fields.includes(org.field) && org.depth >= PLACE_MIN_DEPTH
  );
}
