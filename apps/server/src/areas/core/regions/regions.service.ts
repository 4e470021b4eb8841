/**
 * The region dashboard (issue 16): a province's, prefecture's, county's or township's figures summed from the rollup
 * rows, with the way down to it and its children. A region account sees its region's subtree; a county account
 * (regions.view) its own county and townships. Anything outside answers 404, as every out-of-scope id does.
 */
import {
  chinaToday,
  type RegionFiguresT,
  type RegionOverviewQueryT,
  type RegionOverviewT,
  type RegionUnitKind,
  type RegionUnitRefT,
} from '@dangjian/contracts';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { MEETING_KINDS } from '../../life/meetings/meetings.rules.js';
import { heldColumn } from './rollups.refresh.js';
import * as repo from './regions.repository.js';
import { overviewBook } from './regions.xlsx.js';

/** A unit with the rollup rows it is summed from and the counties it counts. */
interface Resolved {
  ref: RegionUnitRefT;
  rows: repo.Rows;
  counties: number[];
}

/** The unit, its way down from the actor's own unit, and its children. */
interface Place {
  unit: Resolved;
  trail: RegionUnitRefT[];
  children: Resolved[];
}

const ref = (kind: RegionUnitKind, id: number, name: string): RegionUnitRefT => ({ kind, id, name });
const share = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);

/** The actor's own unit: its region, or its county. */
async function ownUnit(ctx: Ctx, actor: Actor): Promise<{ kind: RegionUnitKind; id: number }> {
  if (actor.regionId != null) {
    const region = await repo.regionById(ctx.db, actor.regionId);
    if (region) return { kind: region.kind as RegionUnitKind, id: region.id };
  } else if (actor.tenantId != null) return { kind: 'county', id: actor.tenantId };
  throw notFound();
}

/** Whether a region path lies in the actor's region (a county account holds no region). */
function inRegion(actor: Actor, path: string | null | undefined): boolean {
  return !!actor.regionPath && !!path && path.startsWith(actor.regionPath);
}

/** A region's regions from the actor's own down to it, by the ids its path names. */
async function regionTrail(ctx: Ctx, actor: Actor, path: string): Promise<RegionUnitRefT[]> {
  const ids = path.split('/').filter(Boolean).map(Number);
  const from = ids.indexOf(actor.regionId ?? -1);
  const rows = await repo.regionsByIds(ctx.db, ids.slice(Math.max(from, 0)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .slice(Math.max(from, 0))
    .flatMap((id) => (byId.has(id) ? [ref(byId.get(id)!.kind as RegionUnitKind, id, byId.get(id)!.name)] : []));
}

async function countiesOf(ctx: Ctx, path: string) {
  return (await repo.countiesUnder(ctx.db, path)).map((c) => ({ ...c, ref: ref('county', c.tenant_id, c.name) }));
}

/** Resolves a unit in the actor's scope (404 outside it) with its trail and children. */
async function placeOf(ctx: Ctx, actor: Actor, kind: RegionUnitKind, id: number): Promise<Place> {
  if (kind === 'province' || kind === 'prefecture') {
    const region = await repo.regionById(ctx.db, id);
    if (!region || region.kind !== kind || !inRegion(actor, region.path)) throw notFound();
    const counties = await countiesOf(ctx, region.path);
    const tenants = counties.map((c) => c.tenant_id);
    const children: Resolved[] =
      kind === 'province'
        ? (await repo.childRegions(ctx.db, id)).map((r) => {
            const mine = counties.filter((c) => c.region_path.startsWith(r.path)).map((c) => c.tenant_id);
            return { ref: ref(r.kind as RegionUnitKind, r.id, r.name), rows: { tenants: mine }, counties: mine };
          })
        : counties.map((c) => ({ ref: c.ref, rows: { tenants: [c.tenant_id] }, counties: [c.tenant_id] }));
    const trail = await regionTrail(ctx, actor, region.path);
    return { unit: { ref: ref(kind, id, region.name), rows: { tenants }, counties: tenants }, trail, children };
  }
  const tenant = kind === 'county' ? id : (await repo.townshipById(ctx.db, id))?.tenant_id;
  const county = tenant == null ? undefined : await repo.countyById(ctx.db, tenant);
  if (!county) throw notFound();
  const own = actor.regionPath ? inRegion(actor, county.region_path) : actor.tenantId === county.tenant_id;
  if (!own) throw notFound();
  const countyRef = ref('county', county.tenant_id, county.name);
  const trail = [...(actor.regionPath ? await regionTrail(ctx, actor, county.region_path!) : []), countyRef];
  const counties = [county.tenant_id];
  if (kind === 'township') {
    const town = (await repo.townshipById(ctx.db, id))!;
    const townRef = ref('township', town.id, town.name);
    return {
      unit: { ref: townRef, rows: { tenant: county.tenant_id, orgIds: [town.id] }, counties },
      trail: [...trail, townRef],
      children: [],
    };
  }
  const towns = await repo.townshipsOf(ctx.db, county.tenant_id);
  return {
    unit: { ref: countyRef, rows: { tenants: counties }, counties },
    trail,
    children: towns.map((t) => ({
      ref: ref('township', t.id, t.name),
      rows: { tenant: county.tenant_id, orgIds: [t.id] },
      counties,
    })),
  };
}

/** The figures of a unit from its organizations' sums. */
export function figuresOf(sums: repo.SumRow[]): RegionFiguresT {
  const t = (c: keyof repo.SumRow) => sums.reduce((a, r) => a + Number(r[c] ?? 0), 0);
  const byKind = Object.fromEntries(MEETING_KINDS.map((k) => [k, t(heldColumn(k))]));
  const held = Object.values(byKind).reduce((a, b) => a + b, 0);
  const due = t('compliance_due');
  const met = t('compliance_met');
  const requests = t('requests');
  const resolved = t('requests_resolved');
  return {
    members: {
      total: t('members_total'),
      formal: t('members_formal'),
      probationary: t('members_probationary'),
      female: t('members_female'),
      minority: t('members_minority'),
      under35: t('members_under35'),
      college: t('members_college'),
      joinedThisYear: t('members_joined'),
    },
    orgs: {
      total: t('orgs_total'),
      committees: t('orgs_committees'),
      generalBranches: t('orgs_general_branches'),
      branches: t('orgs_branches'),
    },
    meetings: { held, byKind, due, met, complianceRate: share(met, due) },
    residents: {
      households: t('households'),
      requests,
      requestsResolved: resolved,
      resolvedRate: share(resolved, requests),
      wishes: t('wishes'),
      wishesFulfilled: t('wishes_fulfilled'),
    },
  };
}

/** The months of a year counted: January to this month, the whole of a past or future year. */
export function periodOf(ctx: Ctx, year?: number): { year: number; from: string; to: string } {
  const today = chinaToday(ctx.clock());
  const y = year ?? Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const to = `${y}-12` > thisMonth && `${y}-01` <= thisMonth ? thisMonth : `${y}-12`;
  return { year: y, from: `${y}-01`, to };
}

/** Parses `kind:id` (the schema checked its shape), default the actor's own unit. */
async function unitOf(ctx: Ctx, actor: Actor, unit?: string): Promise<{ kind: RegionUnitKind; id: number }> {
  if (!unit) return ownUnit(ctx, actor);
  const [kind, id] = unit.split(':');
  return { kind: kind as RegionUnitKind, id: Number(id) };
}

/** 区域概览: a unit's figures of a year, its trail and its children, from the rollups. */
export async function overview(ctx: Ctx, actor: Actor, q: RegionOverviewQueryT): Promise<RegionOverviewT> {
  requireCapability(actor, 'regions.view');
  const { kind, id } = await unitOf(ctx, actor, q.unit);
  const place = await placeOf(ctx, actor, kind, id);
  const period = periodOf(ctx, q.year);
  const unitSums = await repo.sumsOf(ctx.db, place.unit.rows, period.from, period.to);
  // Regions' children are sums of the unit's county rows; a county's townships are one more query.
  const towns = place.children.flatMap((c) => ('orgIds' in c.rows ? c.rows.orgIds : []));
  const townSums = towns.length
    ? await repo.sumsOf(ctx.db, { tenant: place.unit.counties[0]!, orgIds: towns }, period.from, period.to)
    : [];
  const children = place.children.map((c) => {
    const mine =
      'orgIds' in c.rows
        ? townSums.filter((r) => r.org_id === c.ref.id)
        : unitSums.filter((r) => c.counties.includes(r.tenant_id));
    return { ...c.ref, figures: figuresOf(mine) };
  });
  const months = await repo.monthsOf(ctx.db, place.unit.rows, period.from, period.to);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const allMonths: string[] = [];
  for (let m = Number(period.from.slice(5)); m <= Number(period.to.slice(5)); m++)
    allMonths.push(`${period.year}-${String(m).padStart(2, '0')}`);
  const states = await repo.statesOf(ctx.db, place.unit.counties);
  const asOf = states.length ? states.map((s) => s.refreshed_at).sort()[0]! : null;
  return {
    unit: { ...place.unit.ref, figures: figuresOf(unitSums) },
    trail: place.trail,
    children,
    period: { from: period.from, to: period.to },
    months: allMonths.map((month) => {
      const m = byMonth.get(month);
      return {
        month,
        meetingsHeld: Number(m?.held ?? 0),
        requests: Number(m?.requests ?? 0),
        requestsResolved: Number(m?.resolved ?? 0),
        joined: Number(m?.joined ?? 0),
      };
    }),
    asOf,
    pending: place.unit.counties.length - states.length,
  };
}

/** The overview as a workbook (the unit and its children with every figure, and its months). */
export async function overviewXlsx(ctx: Ctx, actor: Actor, q: RegionOverviewQueryT): Promise<Buffer> {
  return overviewBook(await overview(ctx, actor, q));
}
