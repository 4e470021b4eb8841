/** How a project and its years read in the API (JSON columns parsed, the latest year and the totals added). */
import type { ProjectCooperativeT, ProjectFundT, ProjectItemT, ProjectYearT } from '@dangjian/contracts';
import { stampsOf } from '../../../platform/stamps.js';
import type { ProjectRow, YearRow } from './projects.repository.js';

/** A JSON column read as an array (an empty one when null or damaged). */
export function jsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** The township of an organization's path: the second id of `/county/township/…`, none at the county. */
export function townshipIdOf(path: string): number | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length >= 2 ? Number(ids[1]) : null;
}

/** A yearly record as the API reads it. */
export function presentYear(y: YearRow): ProjectYearT {
  return {
    year: y.year,
    funds: jsonArray<ProjectFundT>(y.funds),
    givenFen: Number(y.given_fen),
    leveragedFen: Number(y.leveraged_fen),
    households: y.households,
    householdsPoor: y.households_poor,
    householdsMonitored: y.households_monitored,
    householdIncomeFen: Number(y.household_income_fen),
    collectiveIncomeFen: Number(y.collective_income_fen),
    note: y.note,
    updatedAt: y.updated_at,
  };
}

/** A project as a list row, with its partners' names, the funds over all years and the latest year. */
export function presentProject(r: ProjectRow, extra: { years: YearRow[]; names: Map<number, string> }): ProjectItemT {
  const years = extra.years.map(presentYear);
  const township = townshipIdOf(r.org_path);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    townshipId: township,
    townshipName: township == null ? null : (extra.names.get(township) ?? null),
    name: r.name,
    industry: r.industry as ProjectItemT['industry'],
    industryText: r.industry_text,
    models: jsonArray<ProjectItemT['models'][number]>(r.models),
    partners: jsonArray<number>(r.partners).map((id) => ({ orgId: id, orgName: extra.names.get(id) ?? '' })),
    cooperatives: jsonArray<ProjectCooperativeT>(r.cooperatives),
    startYear: r.start_year,
    status: r.status as ProjectItemT['status'],
    stopReason: r.stop_reason,
    stoppedYear: r.stopped_year,
    note: r.note,
    givenFen: years.reduce((s, y) => s + y.givenFen, 0),
    leveragedFen: years.reduce((s, y) => s + y.leveragedFen, 0),
    latest: years.at(-1) ?? null,
    ...stampsOf(r),
  };
}
