/**
 * Loads the residents demo: households, residents, groups, pairings, visits, requests, wishes, errands, zones,
 * evaluations.
 */
import type { Ctx } from '../../platform/context.js';
import type { DemoContributor, LoadedCounty } from '../load.js';
import type { Random } from '../random.js';
import { BIG_TABLES, Bulk } from '../bulk.js';
import { loadGroups, loadPairings, loadVisits } from './groups.js';
import { loadHouseholds } from './households.js';
import { loadRequests } from './requests.js';
import { beginResidents, loadPlaces } from './start.js';
import { loadErrands, loadWishes } from './wishes.js';
import { finishResidents, loadEvaluations, loadZones } from './zones.js';
import { demoTick } from '../progress.js';

export async function load(ctx: Ctx, c: LoadedCounty, rng: Random, log: (line: string) => void): Promise<void> {
  const bulk = new Bulk(ctx);
  const t = Date.now();
  const cpu0 = process.cpuUsage();
  await bulk.withoutIndexes(BIG_TABLES, () => loadResidents(ctx, bulk, c, rng, log));
  // Fresh statistics so that the planner picks the scope and period indexes on the big tables.
  if (ctx.database.sqlite) ctx.database.sqlite.exec('pragma analysis_limit = 1000; analyze');
  const cpu = process.cpuUsage(cpu0);
  log(
    `  为民服务 service：索引已建立 indexes built and analysed（${((Date.now() - t) / 1000).toFixed(1)} 秒 s，` +
      `处理器 cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} 秒 s）`,
  );
}

/** The steps in their order; each takes what the ones before it left in one shared object. */
async function loadResidents(
  ctx: Ctx,
  bulk: Bulk,
  c: LoadedCounty,
  rng: Random,
  log: (line: string) => void,
): Promise<void> {
  // Between steps, a progress line when the step before ran a few seconds without one.
  const done = (step: string) => demoTick(() => `${step} 完成 done`);
  const s0 = await beginResidents(ctx, bulk, c, rng, log);
  const s1 = Object.assign(s0, await loadPlaces(s0));
  done('村（社区） places');
  const s2 = Object.assign(s1, await loadHouseholds(s1));
  done('住户 households');
  await loadGroups(s2);
  done('联户 groups');
  const s3 = Object.assign(s2, await loadPairings(s2));
  await loadVisits(s3);
  done('结对走访 pairings and visits');
  const s4 = Object.assign(s3, await loadRequests(s3));
  done('诉求 requests');
  const s5 = Object.assign(s4, await loadWishes(s4));
  const s6 = Object.assign(s5, await loadErrands(s5));
  done('微心愿 wishes and errands');
  const s7 = Object.assign(s6, await loadZones(s6));
  const s8 = Object.assign(s7, await loadEvaluations(s7));
  await finishResidents(s8);
}

/** The service demo, run after the meetings. */
export const residentsContributor: DemoContributor = { name: 'residents', load };
