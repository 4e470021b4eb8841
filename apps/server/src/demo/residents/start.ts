import type { Ctx } from '../../platform/context.js';
import type { DemoOrg } from '../county.js';
import type { LoadedCounty } from '../load.js';
import { Random, fromDay, toDay } from '../random.js';
import { CST_MS, DAY_MS, DEMO_HOUSEHOLDS, Place, apportion, iso, residentsScale } from './plan.js';
import { Bulk } from '../bulk.js';

/** The settings shared by every step, the county's own rule and the clock of the lap lines. */
export async function beginResidents(ctx: Ctx, bulk: Bulk, c: LoadedCounty, rng: Random, log: (line: string) => void) {
  // The province's counties carry a tenth of the county's service records (c.residentsScale).
  const scale = residentsScale() * (c.residentsScale ?? 1);
  const tenant = c.tenantId;
  const now = ctx.clock().getTime();
  const today = fromDay(Math.floor((now + CST_MS) / DAY_MS));
  const todayDay = toDay(today);
  const stamp = iso(now);
  // The demo county's poor households are about 2% (seed 001), too few for 2–3 in every group of five
  // (seed 000 describes poorer years): the county sets its own minimum, which is what the rules table is for.
  await ctx.db
    .insertInto('rule_overrides')
    .values({
      tenant_id: tenant,
      rule_set: 'residents',
      key: 'groupPoorMin',
      year: new Date(now + CST_MS).getUTCFullYear(),
      value: '0',
      reason: '本县困难户较少 (few poor households in the county)',
      updated_at: stamp,
      updated_by: null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'rule_set', 'key', 'year']).doNothing())
    .execute();
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const lap = () => {
    const u = process.cpuUsage(cpu0);
    return (
      `${((Date.now() - t0) / 1000).toFixed(1)} 秒 s，处理器 cpu ${((u.user + u.system) / 1e6).toFixed(1)} 秒 s，` +
      `其中写入 writing ${(bulk.writeMs / 1000).toFixed(1)} 秒 s`
    );
  };
  return { ctx, bulk, c, rng, log, scale, tenant, now, today, todayDay, stamp, lap };
}
export type Begin = Awaited<ReturnType<typeof beginResidents>>;

export async function loadPlaces(s: Begin) {
  const { c, rng, scale } = s;
  // ---- places: the top organization of each village and community ----
  const byKey = new Map(c.county.orgs.map((o) => [o.key, o]));
  const townshipOf = (o: DemoOrg): string | null => {
    for (let x: DemoOrg | undefined = o; x; x = x.parentKey ? byKey.get(x.parentKey) : undefined)
      if (x.unit === 'township') return x.key;
    return null;
  };
  const topOf = (o: DemoOrg): DemoOrg => {
    let x = o;
    while (x.parentKey && byKey.get(x.parentKey)!.unit === x.unit) x = byKey.get(x.parentKey)!;
    return x;
  };
  const membersByTop = new Map<string, { id: number; name: string }[]>();
  const membersByOrg = new Map<string, { id: number; name: string }[]>();
  for (const m of c.county.members) {
    const o = byKey.get(m.orgKey)!;
    const entry = { id: c.memberIds.get(m.key)!, name: m.name };
    if (!membersByOrg.has(o.key)) membersByOrg.set(o.key, []);
    membersByOrg.get(o.key)!.push(entry);
    if (o.unit === 'village' || o.unit === 'community' || o.unit === 'group') {
      const top = topOf(o.unit === 'group' ? byKey.get(o.parentKey!)! : o);
      if (!membersByTop.has(top.key)) membersByTop.set(top.key, []);
      membersByTop.get(top.key)!.push(entry);
    }
  }
  const placesOrgs = c.county.orgs.filter(
    (o) => (o.unit === 'village' || o.unit === 'community') && byKey.get(o.parentKey!)?.unit === 'township',
  );
  const hr = rng.fork(1);
  const weights = placesOrgs.map((o) => (o.unit === 'community' ? 1.6 : 1) * (0.45 + Math.pow(hr.next(), 1.4) * 1.6));
  const hhTotal = Math.max(placesOrgs.length * 3, Math.round(DEMO_HOUSEHOLDS * scale));
  const hhCounts = apportion(hhTotal, weights).map((n) => Math.max(3, n));
  const places: Place[] = [];
  {
    let from = 0;
    placesOrgs.forEach((o, i) => {
      const n = hhCounts[i]!;
      places.push({
        org: o,
        id: c.orgIds.get(o.key)!,
        path: c.orgPaths.get(o.key)!,
        townshipKey: townshipOf(o)!,
        community: o.unit === 'community',
        stem: o.name.replace(/(村党总支|村党支部|社区党支部)$/, ''),
        members: membersByTop.get(o.key) ?? [],
        hhFrom: from,
        hhTo: from + n,
      });
      from += n;
    });
  }
  return { byKey, membersByOrg, places };
}
export type Places = Awaited<ReturnType<typeof loadPlaces>>;
