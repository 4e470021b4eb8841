/**
 * The demo's annual guiding plans (指导性发展计划) for this year and the last, set as a county sets them at the
 * start of a year: near what each township and county work committee develops (the development demo's admissions,
 * this year's extrapolated), some quotas a little short, some generous; each split to the branches by what they
 * develop (largest remainders, so every split adds up). A branch left out develops outside the plan, as in a real
 * county, and the quarterly supervision finds the ones behind and over.
 */
import { chinaToday } from '@dangjian/contracts';
import type { Ctx } from '../platform/context.js';
import type { DemoContributor, LoadedCounty } from './load.js';
import type { Random } from './random.js';

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
  const today = chinaToday(ctx.clock());
  const year = Number(today.slice(0, 4));
  const orgs = c.county.orgs;
  const countyOrg = orgs.find((o) => o.unit === 'county');
  if (!countyOrg) return;
  const keyOfId = new Map([...c.orgIds].map(([k, id]) => [id, k]));
  const childrenOf = (key: string) => orgs.filter((o) => o.parentKey === key && o.unit !== 'group');
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
    // What each subtree admits in a whole year: the year's admissions, the current one extrapolated from today.
    const elapsed = y < year ? 1 : Math.max(0.08, (Date.parse(today) - Date.parse(`${y}-01-01`)) / 31_536_000_000);
    const admitted = new Map<string, number>();
    for (const a of await admissionsOf(ctx, c.tenantId, y, y < year ? `${y}-12-31` : today)) {
      const ids = a.org_path.split('/').filter(Boolean).map(Number);
      for (const id of ids) {
        const key = keyOfId.get(id);
        if (key) admitted.set(key, (admitted.get(key) ?? 0) + 1 / elapsed);
      }
    }
    // The plan was set at the start of the year: near what was then developed, some a little short, some generous.
    const units = childrenOf(countyOrg.key).filter((o) => (admitted.get(o.key) ?? 0) > 0);
    const quotas = units.map((o) => Math.max(1, Math.round((admitted.get(o.key) ?? 0) * (0.85 + rng.next() * 0.35))));
    const total = quotas.reduce((a, b) => a + b, 0);
    add(countyOrg.key, y, total + rng.int(0, 6), `${y}年度全县发展党员指导性计划`);
    for (const [i, unit] of units.entries()) {
      add(unit.key, y, quotas[i]!, null);
      // The township splits by what each branch develops; a branch left out develops outside the plan.
      const branches = childrenOf(unit.key);
      const weights = branches.map((b) => admitted.get(b.key) ?? 0);
      // Now and then a township forgets a branch that goes on developing: the supervision's 计划外发展.
      const active = weights.flatMap((w, j) => (w > 0 ? [j] : []));
      if (active.length > 3 && rng.chance(0.3)) weights[rng.pick(active)] = 0;
      const split = splitQuota(quotas[i]!, weights);
      for (const [j, b] of branches.entries()) if (split[j]! > 0) add(b.key, y, split[j]!, null);
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('development_plans')
      .values(rows.slice(i, i + 500) as never)
      .execute();
  log(`  发展计划 development plans: ${rows.length}`);
}

/** The admissions of a county in a year up to a day (the development module's demo wrote them). */
async function admissionsOf(ctx: Ctx, tenantId: number, year: number, to: string) {
  return ctx.db
    .selectFrom('development_candidates')
    .select('org_path')
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('admitted_on', '>=', `${year}-01-01`)
    .where('admitted_on', '<=', to)
    .execute();
}

/** A contributor running the development module's demo, then the plans (sized on the admissions it wrote). */
export function withDemoPlans(before?: DemoContributor): DemoContributor {
  return {
    name: before?.name ?? 'development',
    async load(ctx, county, rng, log) {
      await before?.load(ctx, county, rng, log);
      await loadDemoPlans(ctx, county, rng.fork(1911), log);
    },
  };
}
