/** Villages and communities (村、社区): the organizations where households, groups, zones and wishes live. */
export {
  PLACE_FIELDS,
  PLACE_MIN_DEPTH,
  PLACE_TYPES,
  isPlaceOrg,
  isVillageLevel,
  placeNameOf,
} from '../../core/orgs/orgs.places.js';
import { isPlaceOrg, type PlaceOrgLike } from '../../core/orgs/orgs.places.js';

/**
 * Whether an organization is a village (or community) as residents see it: a village-level organization with
 * its place's name. Households, groups, pairings and wishes belong to one; committees and sub-branches are not.
 */
export function isVillage(org: PlaceOrgLike & { place_name: string | null }): boolean {
  return isPlaceOrg(org) && org.place_name != null && org.place_name !== '';
}
