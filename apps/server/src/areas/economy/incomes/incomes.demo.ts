/**
 * The collective income of the demo county (seed 004: 1 振兴村, 12 富裕村, 32 小康村 in a year, 3,700万 in all):
 * three past years of accepted entries for every village, split over two or three sources, with a spread that
 * gives about those classes in the latest year and some villages changing class between years; a few entries of
 * the latest year still awaiting the township's review, and one returned. Bulk inserts.
 */
import { INCOME_SOURCES, type IncomeSource } from '@dangjian/contracts';
import type { DemoContributor, LoadedCounty } from '../../../demo/load.js';
import type { Random } from '../../../demo/random.js';
import type { Ctx } from '../../../platform/context.js';
import { bumpVersion } from '../../../platform/data/versions.js';
import { villagesUnder } from './villages.repository.js';
import { insertIncomes, type NewIncome } from './incomes.repository.js';

const SOURCES = Object.keys(INCOME_SOURCES) as IncomeSource[];
const EVIDENCE: Record<IncomeSource, string> = {
  resources: '山林、水面发包合同及村账收款凭证',
  property: '门面、厂房租赁合同及租金入账凭证',
  dividends: '合作社、公司入股协议及分红入账凭证',
  services: '村级服务站经营收入明细及凭证',
  industry: '党支部+产业项目收益分配表及入账凭证',
  other: '村账收入明细',
};
const WAN = 100_0000; // fen of 1万元

/** The latest year's income of each village in fen: 1 above 200万, 12 above 100万, 32 above 50万, the rest small. */
function latestSpread(n: number, rng: Random): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) out.push(rng.int(210, 260) * WAN);
    else if (i <= 12) out.push(rng.int(102, 135) * WAN);
    else if (i <= 44) out.push(rng.int(51, 62) * WAN);
    else out.push(rng.int(4, 30) * WAN + rng.int(0, 9999) * 100);
  }
  return rng.shuffle(out);
}

/** Splits a total into 1–3 entries of different sources. */
function split(total: number, rng: Random): [IncomeSource, number][] {
  const parts = total < 20 * WAN ? 1 : rng.int(2, 3);
  const sources = rng.sample(SOURCES.slice(0, 5), parts);
  const out: [IncomeSource, number][] = [];
  let left = total;
  for (let i = 0; i < parts; i++) {
    const amount = i === parts - 1 ? left : Math.round((left * rng.int(35, 65)) / 100 / 100) * 100;
    out.push([sources[i]!, amount]);
    left -= amount;
  }
  return out;
}

async function load(ctx: Ctx, c: LoadedCounty, rng0: Random, log: (line: string) => void): Promise<void> {
  const rng = rng0.fork(1401);
  const now = ctx.clock().toISOString();
  const year = Number(new Date(ctx.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  const villages = await villagesUnder(ctx.db, c.tenantId, '/');
  const latest = latestSpread(villages.length, rng);
  const rows: NewIncome[] = [];
  const entry = (v: (typeof villages)[number], y: number, source: IncomeSource, fen: number, status = 'accepted') =>
    rows.push({
      tenant_id: c.tenantId,
      org_id: v.id,
      org_path: v.org_path,
      year: y,
      amount_fen: fen,
      source,
      status,
      note: `${y}年${INCOME_SOURCES[source].zh}收入`,
      evidence: EVIDENCE[source],
      return_reason: status === 'returned' ? '缺少入账凭证，请补充后重新提交' : null,
      reviewed_on: status === 'accepted' ? `${y + 1}-0${rng.int(1, 3)}-${String(rng.int(10, 28))}` : null,
      reviewed_by: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  villages.forEach((v, i) => {
    let total = latest[i]!;
    for (let y = year; y > year - 3; y--) {
      for (const [source, fen] of split(total, rng)) entry(v, y, source, fen);
      // The year before: mostly less (growth), sometimes more (a class lost since).
      total = Math.max(WAN, Math.round((total * rng.int(72, 108)) / 100 / 100) * 100);
    }
  });
  // A few entries of the latest year still before the township, and one sent back.
  for (const v of rng.sample(villages, 6)) entry(v, year, 'other', rng.int(1, 8) * WAN, 'submitted');
  for (const v of rng.sample(villages, 1)) entry(v, year, 'property', 3 * WAN, 'returned');
  for (let i = 0; i < rows.length; i += 400) await insertIncomes(ctx.db, rows.slice(i, i + 400));
  await bumpVersion(ctx.db, c.tenantId, 'incomes');
  const sum = latest.reduce((s, x) => s + x, 0);
  log(
    `  集体经济 incomes：${villages.length} 个村三年收入 ${rows.length} 条，${year}年合计 ${Math.round(sum / WAN)} 万元`,
  );
}

/** The collective income demo, run after the organizations exist. */
export const incomesContributor: DemoContributor = { name: 'incomes', load };
