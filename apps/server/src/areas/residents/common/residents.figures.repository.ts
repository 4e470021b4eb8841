/** The queries of the residents' figures (residents.figures.ts): grouped counts of one subtree, never rows. */
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.js';
import { liveInSubtree } from '../../../platform/data/scoped.js';

const num = (v: unknown) => Number(v ?? 0);

/** One group of a month's requests. */
export interface MonthGroup {
  originOrgId: number;
  level: string;
  channel: string;
  category: string;
  rating: string | null;
  n: number;
  closed: number;
  onTime: number;
  closeDays: number;
}

/** One month slice of a subtree's requests, grouped by everything the figures break them down by. */
export async function monthGroups(
  ctx: Ctx,
  tenant: number,
  lo: string,
  hi: string,
  fromIso: string,
  toIso: string,
): Promise<MonthGroup[]> {
  const closeDays =
    ctx.dialect === 'postgres'
      ? sql<number>`sum(extract(epoch from (cast(closed_at as timestamptz) - cast(accepted_at as timestamptz)))
          / 86400.0)`
      : sql<number>`sum(julianday(closed_at) - julianday(accepted_at))`;
  const rows = await ctx.db
    .selectFrom('requests')
    .where('tenant_id', '=', tenant)
    .where('accepted_at', '>=', fromIso)
    .where('accepted_at', '<', toIso)
    .where('origin_path', '>=', lo)
    .where('origin_path', '<', hi)
    .where('deleted_at', 'is', null)
    .select((e) => [
      'origin_org_id',
      'level',
      'channel',
      'category',
      'rating',
      e.fn.countAll<number>().as('n'),
      e.fn.count<number>('closed_at').as('closed'),
      e.fn
        .sum<number>(
          e
            .case()
            .when('closed_at', 'is not', null)
            .then(
              e
                .case()
                .when('due_at', 'is', null)
                .then(1)
                .when(sql.ref('closed_at'), '<=', sql.ref('due_at'))
                .then(1)
                .else(0)
                .end(),
            )
            .else(0)
            .end(),
        )
        .as('on_time'),
      closeDays.as('close_days'),
    ])
    .groupBy(['origin_org_id', 'level', 'channel', 'category', 'rating'])
    .execute();
  return rows.map((g) => ({
    originOrgId: g.origin_org_id,
    level: g.level,
    channel: g.channel,
    category: g.category,
    rating: g.rating,
    n: num(g.n),
    closed: num(g.closed),
    onTime: num(g.on_time),
    closeDays: num(g.close_days),
  }));
}

/** Open requests of a subtree accepted in the period and past their deadline, by accepting organization. */
export async function overdueByOrigin(
  ctx: Ctx,
  tenant: number,
  lo: string,
  hi: string,
  fromIso: string,
  toIso: string,
  nowIso: string,
): Promise<{ originOrgId: number; n: number }[]> {
  // The few hundred open requests come from the partial index; on SQLite a unary plus keeps the
  // planner off the origin and period indexes, which would read the whole range.
  const plus = (c: string) => (ctx.dialect === 'sqlite' ? sql`+${sql.ref(c)}` : sql.ref(c));
  const rows = await ctx.db
    .selectFrom('requests')
    .where('tenant_id', '=', tenant)
    .where('closed_at', 'is', null)
    .where('due_at', '<', nowIso)
    .where('deleted_at', 'is', null)
    .where(
      sql<boolean>`${plus('origin_path')} >= ${lo} and ${plus('origin_path')} < ${hi}
        and ${plus('accepted_at')} >= ${fromIso} and ${plus('accepted_at')} < ${toIso}`,
    )
    .select((e) => ['origin_org_id', e.fn.countAll<number>().as('n')])
    .groupBy('origin_org_id')
    .execute();
  return rows.map((r) => ({ originOrgId: r.origin_org_id, n: num(r.n) }));
}

/** The live organizations of a subtree. */
export function orgsOf(ctx: Ctx, tenant: number, lo: string, hi: string) {
  return liveInSubtree(ctx.db, 'orgs', tenant, [lo, hi])
    .select(['id', 'parent_id', 'name', 'place_name', 'field', 'org_path', 'sort_order'])
    .execute();
}

/** Wishes posted in [fromIso, toIso), per organization. */
export function wishesByOrg(ctx: Ctx, tenant: number, lo: string, hi: string, fromIso: string, toIso: string) {
  return liveInSubtree(ctx.db, 'wishes', tenant, [lo, hi])
    .where('created_at', '>=', fromIso)
    .where('created_at', '<', toIso)
    .select((e) => [
      'org_id',
      e.fn.countAll<number>().as('n'),
      e.fn.count<number>('claimed_at').as('claimed'),
      e.fn.count<number>('fulfilled_at').as('fulfilled'),
      e.fn.count<number>('confirmed_at').as('confirmed'),
    ])
    .groupBy('org_id')
    .execute();
}

/** Errands taken in [fromIso, toIso), per organization. */
export function errandsByOrg(ctx: Ctx, tenant: number, lo: string, hi: string, fromIso: string, toIso: string) {
  return liveInSubtree(ctx.db, 'errands', tenant, [lo, hi])
    .where('taken_at', '>=', fromIso)
    .where('taken_at', '<', toIso)
    .select((e) => [
      'org_id',
      e.fn.countAll<number>().as('n'),
      e.fn.sum<number>(e.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
    ])
    .groupBy('org_id')
    .execute();
}

/** Households per organization: all, their people, those in a live group, the poor. */
export function householdsByOrg(ctx: Ctx, tenant: number, lo: string, hi: string) {
  return liveInSubtree(ctx.db, 'households', tenant, [lo, hi], 'h')
    .leftJoin('household_groups as g', (j) => j.onRef('g.id', '=', 'h.group_id').on('g.deleted_at', 'is', null))
    .select((e) => [
      'h.org_id',
      e.fn.countAll<number>().as('n'),
      e.fn.sum<number>('h.people').as('people'),
      e.fn.count<number>('g.id').as('grouped'),
      e.fn
        .sum<number>(e.case().when('g.id', 'is not', null).then(e.ref('h.people')).else(0).end())
        .as('grouped_people'),
      e.fn.sum<number>('h.is_poor').as('poor'),
    ])
    .groupBy('h.org_id')
    .execute();
}

/** The live household groups of a subtree. */
export function groupCount(ctx: Ctx, tenant: number, lo: string, hi: string) {
  return liveInSubtree(ctx.db, 'household_groups', tenant, [lo, hi])
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
}

/** Poor households paired and their cadres, for pairings still live after `to`. */
export function pairedCount(ctx: Ctx, tenant: number, lo: string, hi: string, to: string) {
  return liveInSubtree(ctx.db, 'pairings', tenant, [lo, hi], 'p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .where('h.deleted_at', 'is', null)
    .where('h.is_poor', '=', 1)
    .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>', to)]))
    .select((e) => [
      sql<number>`count(distinct p.household_id)`.as('households'),
      sql<number>`count(distinct p.cadre_member_id)`.as('cadres'),
    ])
    .executeTakeFirstOrThrow();
}

/** Visits between two days: how many, households and organizations visited. */
export function visitsCount(ctx: Ctx, tenant: number, lo: string, hi: string, from: string, to: string) {
  return liveInSubtree(ctx.db, 'visits', tenant, [lo, hi])
    .where('visited_on', '>=', from)
    .where('visited_on', '<=', to)
    .select((e) => [
      e.fn.countAll<number>().as('n'),
      sql<number>`count(distinct household_id)`.as('households'),
      sql<number>`count(distinct org_id)`.as('places'),
    ])
    .executeTakeFirstOrThrow();
}
