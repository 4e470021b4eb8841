/** The window of the meetings demo: the months, quarters and years it covers, and the county's orgs and members. */
import { CHINA_OFFSET_MS, chinaToday } from '@dangjian/contracts';
import type { Ctx } from '../../platform/context.js';
import type { DemoOrg } from '../county.js';
import type { LoadedCounty } from '../load.js';
import type { Random } from '../random.js';
import { BEHIND_SHARE, BRANCH_TYPES, Mem, OrgInfo, Unit, daysIn, memberOf, ymd } from './plan.js';

/** Reads the county back and plans who is behind. */
export async function countyWindow(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void) {
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const today = chinaToday(now);
  const nowMinutes = Math.floor(((now.getTime() + CHINA_OFFSET_MS) % 86_400_000) / 60_000);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));

  // The window: the current month and the eleven before it; cadence units overlapping it.
  const months: { y: number; m: number; from: string; to: string }[] = [];
  for (let i = 11; i >= 0; i--) {
    const idx = year * 12 + (month - 1) - i;
    const y = Math.floor(idx / 12);
    const m = (idx % 12) + 1;
    months.push({ y, m, from: ymd(y, m, 1), to: ymd(y, m, daysIn(y, m)) });
  }
  const windowStart = months[0].from;
  const quarters: { from: string; to: string }[] = [];
  for (const mo of months) {
    const q = Math.ceil(mo.m / 3);
    const from = ymd(mo.y, q * 3 - 2, 1);
    const to = ymd(mo.y, q * 3, daysIn(mo.y, q * 3));
    const partFrom = from < windowStart ? windowStart : from;
    if (!quarters.some((x) => x.to === to)) quarters.push({ from: partFrom, to });
  }
  const years = [...new Set(months.map((m) => m.y))].map((y) => ({
    y,
    from: ymd(y, 1, 1) < windowStart ? windowStart : ymd(y, 1, 1),
    to: ymd(y, 12, 31),
  }));

  const orgRows = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'type', 'org_path', 'name', 'secretary_member_id', 'committee'])
    .where('tenant_id', '=', c.tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const memberRows = await ctx.db
    .selectFrom('members')
    .select(['id', 'name', 'org_id', 'joined_at', 'full_member_at', 'birth_date', 'category'])
    .where('tenant_id', '=', c.tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();

  const unitById = new Map<number, Unit>();
  const townshipOf = new Map<number, number | null>();
  const keyToOrg = new Map(c.county.orgs.map((o) => [o.key, o]));
  for (const [key, id] of c.orgIds) {
    const o = keyToOrg.get(key)!;
    unitById.set(id, o.unit);
    let t: DemoOrg | undefined = o;
    while (t && t.unit !== 'township') t = t.parentKey ? keyToOrg.get(t.parentKey) : undefined;
    townshipOf.set(id, t ? c.orgIds.get(t.key)! : null);
  }

  const orgs = new Map<number, OrgInfo>();
  for (const r of orgRows) {
    const seats = (JSON.parse(r.committee) as { memberId?: number | null }[])
      .map((s) => s.memberId ?? 0)
      .filter((x) => x > 0);
    orgs.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      type: r.type,
      path: r.org_path,
      name: r.name,
      unit: unitById.get(r.id) ?? 'organ',
      secretaryId: r.secretary_member_id,
      seats,
      direct: [],
      subtree: [],
      children: [],
      behind: false,
      miss: 0,
      habit: 'janfeb',
    });
  }
  for (const o of orgs.values()) if (o.parentId && orgs.has(o.parentId)) orgs.get(o.parentId)!.children.push(o);
  const memberById = new Map<number, Mem>();
  for (const r of memberRows) {
    const org = orgs.get(r.org_id);
    if (!org) continue;
    const m = memberOf(r, org.unit, today);
    memberById.set(m.id, m);
    org.direct.push(m);
    for (let o: OrgInfo | undefined = org; o; o = o.parentId ? orgs.get(o.parentId) : undefined) {
      if (BRANCH_TYPES.has(o.type)) o.subtree.push(m);
    }
  }

  // Who is behind: most of them in two rural townships, a few scattered elsewhere.
  const ordered = c.county.orgs.map((o) => orgs.get(c.orgIds.get(o.key)!)!).filter(Boolean);
  const branches = ordered.filter((o) => BRANCH_TYPES.has(o.type));
  const townships = ordered.filter((o) => o.unit === 'township');
  const laggingTowns = new Set(rng.sample(townships.slice(3), 2).map((t) => t.id));
  const inLagging = branches.filter((b) => laggingTowns.has(townshipOf.get(b.id) ?? -1));
  const target = Math.round(branches.length * BEHIND_SHARE);
  const fromLagging = Math.min(Math.round(target * 0.6), Math.round(inLagging.length * 0.7));
  const behind = new Set(
    [
      ...rng.sample(inLagging, fromLagging),
      ...rng.sample(
        branches.filter((b) => !laggingTowns.has(townshipOf.get(b.id) ?? -1)),
        target - fromLagging,
      ),
    ].map((b) => b.id),
  );
  for (const o of ordered) {
    const parent = o.parentId ? orgs.get(o.parentId) : undefined;
    o.behind = behind.has(o.id) || (o.type === 'group' && !!parent && behind.has(parent.id));
    o.miss = o.behind ? 0.3 + rng.next() * 0.2 : rng.chance(0.25) ? 0 : 0.03 + rng.next() * 0.07;
    o.habit = rng.chance(o.type === 'committee' ? 0.5 : 0.75) ? 'janfeb' : 'dec';
  }
  return {
    ctx,
    c,
    rng,
    log,
    nowIso,
    today,
    nowMinutes,
    year,
    months,
    quarters,
    years,
    orgs,
    memberById,
    ordered,
    branches,
    behind,
  };
}
export type Window = Awaited<ReturnType<typeof countyWindow>>;
