/**
 * The demo's annual guiding plans (指导性发展计划): for this year and the last, the county's quota (about 300 a
 * year, seed 004's scale), split to the townships and from each township to its village-level branches in
 * proportion to their members (largest remainders, so every split adds up exactly). A branch without members
 * gets no quota: a candidate admitted there counts outside the plan, as in a real county.
 */
import { chinaToday } from '@dangjian/contracts';
import type { Ctx } from '../platform/context.js';
import type { DemoContributor, LoadedCounty } from './load.js';
import type { Random } from './random.js';

/** The county's yearly quota: about 300, varied a little by year and county. */
const COUNTY_QUOTA = 300;

/** Splits `total` over weights by largest remainders (the parts add up to `total`). */
export function splitQuota(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!sum) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

/** Writes the plans of one demo county for the current year and the previous one. */
export async function loadDemoPlans(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void) {
  const year = Number(chinaToday(ctx.clock()).slice(0, 4));
  const orgs = c.county.orgs;
  const countyOrg = orgs.find((o) => o.unit === 'county');
  if (!countyOrg) return;
  // Members in each organization's subtree, counted up the tree once.
  const parentOf = new Map(orgs.map((o) => [o.key, o.parentKey]));
  const members = new Map<string, number>();
  for (const m of c.county.members)
    for (let k: string | null | undefined = m.orgKey; k; k = parentOf.get(k)) members.set(k, (members.get(k) ?? 0) + 1);
  const childrenOf = (key: string) => orgs.filter((o) => o.parentKey === key && o.unit !== 'group');
  const townships = childrenOf(countyOrg.key).filter((o) => o.unit === 'township');
  const now = ctx.clock().toISOString();
  const stamp = { created_at: now, updated_at: now, deleted_at: null };
  const rows: Record<string, unknown>[] = [];
  const add = (key: string, y: number, quota: number, note: string | null) => {
    const id = c.orgIds.get(key);
    const path = c.orgPaths.get(key);
    if (!id || !path) return;
    rows.push({ tenant_id: c.tenantId, org_id: id, org_path: path, year: y, quota, note, set_by: null, ...stamp });
  };
  for (const y of [year - 1, year]) {
    const total = COUNTY_QUOTA + rng.int(-12, 12);
    add(countyOrg.key, y, total, `${y}年度全县发展党员指导性计划`);
    // The county keeps a small reserve for organs and enterprises; the rest goes to the townships.
    const townQuotas = splitQuota(
      Math.round(total * 0.9),
      townships.map((o) => members.get(o.key) ?? 0),
    );
    for (const [i, town] of townships.entries()) {
      const quota = townQuotas[i]!;
      add(town.key, y, quota, null);
      const branches = childrenOf(town.key);
      const split = splitQuota(
        quota,
        branches.map((b) => members.get(b.key) ?? 0),
      );
      for (const [j, b] of branches.entries()) if (split[j]! > 0) add(b.key, y, split[j]!, null);
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('development_plans')
      .values(rows.slice(i, i + 500) as never)
      .execute();
  log(`发展计划 development plans: ${rows.length}`);
}

/** A contributor running the development module's demo, then the plans (the plans read nothing it writes). */
export function withDemoPlans(before?: DemoContributor): DemoContributor {
  return {
    name: before?.name ?? 'development',
    async load(ctx, county, rng, log) {
      await before?.load(ctx, county, rng, log);
      await loadDemoPlans(ctx, county, rng.fork(1911), log);
    },
  };
}
