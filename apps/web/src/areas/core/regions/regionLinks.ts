/** The addresses of the region overview: a unit and a year are the page's whole state, so a view is a link. */
import type { RegionUnitRefT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';

/** The unit parameter of a unit: `county:17`. */
export function unitParam(u: Pick<RegionUnitRefT, 'kind' | 'id'>): string {
  return `${u.kind}:${u.id}`;
}

/** The page of a unit in a year (the year left out when it is this year's, so the usual link stays short). */
export function unitHref(u: Pick<RegionUnitRefT, 'kind' | 'id'>, year: number, thisYear: number): string {
  return withQuery('/regions', { unit: unitParam(u), year: year === thisYear ? undefined : year });
}

/** A share 0..1 as a percentage with one decimal, a dash when nothing was due. */
export function pct(rate: number | null): string {
  return rate == null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
