/**
 * The funds of the demo county (seed 001): for every village and each of the last three years and this one, its
 * operating funds (about 12.4万, a few below the floor), service funds (1万), the secretary's pay (14,700 元 from
 * the county and a township's top-up) and, for about one village in three, a first secretary's work funds (1万).
 * Bulk inserts.
 */
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { villagesUnder } from '../incomes/villages.repository.js';
import { insertFunds, type NewFund } from './funds.repository.js';

const YUAN = 100;

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1403);
  const now = ctx.clock().toISOString();
  const thisYear = Number(new Date(ctx.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const villages = await villagesUnder(ctx.db, c.tenantId, '/');
  const withFirstSecretary = new Set(rng.sample(villages, Math.round(villages.length / 3)).map((v) => v.id));
  const rows: NewFund[] = [];
  for (const v of villages)
    for (let year = thisYear - 3; year <= thisYear; year++) {
      const add = (kind: string, source: string, yuan: number, note: string | null = null) =>
        rows.push({
          tenant_id: c.tenantId,
          org_id: v.id,
          org_path: v.org_path,
          year,
          kind,
          source,
          amount_fen: Math.round(yuan) * YUAN,
          note,
          created_by: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
      // A few villages short of the floor (the standards page lists them).
      add('operating', 'county', rng.chance(0.04) ? rng.int(80_000, 120_000) : 124_000, `${year}年村级组织运转经费`);
      add('service', 'county', 10_000, `${year}年服务群众专项经费`);
      add('secretary_pay', 'county', rng.chance(0.03) ? 12_000 : 14_700, '县财政发放基本报酬');
      if (rng.chance(0.5)) add('secretary_pay', 'township', rng.int(10, 40) * 100, '乡镇绩效补贴');
      if (withFirstSecretary.has(v.id)) add('first_secretary_work', 'higher', 10_000, '派出单位拨付第一书记工作经费');
    }
  for (let i = 0; i < rows.length; i += 500) await insertFunds(ctx.db, rows.slice(i, i + 500));
  await bumpVersion(ctx.db, c.tenantId, 'funds');
  log(`  基层经费 funds：${villages.length} 个村 4 年经费记录 ${rows.length} 条`);
}

/** The funds demo, run after the organizations exist. */
export const fundsContributor: DemoContributor = { name: 'funds', load };
