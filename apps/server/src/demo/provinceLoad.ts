/**
 * The province demo (PostgreSQL only): the first county with every module; then, county after county, this thread
 * writes the organizations and members while two stage threads write the meetings and the service records of the
 * counties before it — each table written by one thread only, so the ids read as `max + 1` stay free — and two cores
 * generate and encrypt rows while PostgreSQL stores them. The big tables' indexes once at the end, statistics, then
 * the rollups.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../platform/workers.js';
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import { Bulk } from './bulk.js';
import {
  assertEmpty,
  auditDemoLoad,
  type CountyPlan,
  type DemoOptions,
  type LoadedCounty,
  loadCounty,
  loadRoster,
  runDemo,
  secs,
} from './load.js';
import type { DemoProgress } from './progress.js';
import { buildRollups, PROVINCE_BIG_TABLES, PROVINCE_COUNTIES } from './province.js';
import { COUNTIES_PER_PREFECTURE, insertRegions } from './regions.js';
import type { StageData, StageMessage } from './stageWorker.js';

/** A county of the province as loaded: its index and tenant (the rows stay in the database, not in memory). */
export interface ProvinceCounty {
  index: number;
  tenantId: number;
}

/** The contributors the province runs for every county, each in its own stage thread; the others: county 1 only. */
export const PROVINCE_STAGES = ['meetings', 'residents'] as const;

/** Loads the province demo into an empty PostgreSQL database; see the file comment. */
export async function loadProvince(ctx: Ctx, opts: DemoOptions = {}): Promise<ProvinceCounty[]> {
  if (ctx.dialect !== 'postgres' || !ctx.config.databaseUrl)
    throw new Error('省级演示数据只能装入 PostgreSQL (the province demo loads into PostgreSQL only: set DATABASE_URL)');
  return runDemo(ctx, opts, async (log, progress) => {
    const seed = opts.seed ?? 2026;
    const counties = opts.counties ?? PROVINCE_COUNTIES.default;
    await assertEmpty(ctx);
    const now = ctx.clock().toISOString();
    const regions = await insertRegions(ctx.db, Math.ceil(counties / COUNTIES_PER_PREFECTURE), now);
    log(PROVINCE_PLAN);
    const plan: Omit<CountyPlan, 'index'> = { seed, counties, province: true, regions, now };
    const loaded: ProvinceCounty[] = [];
    let written = Date.now();
    const bulk = new Bulk(ctx);
    // The secondary indexes of the big tables are dropped for the whole load and each is built once.
    await bulk.withoutIndexes(PROVINCE_BIG_TABLES, async () => {
      // The first county (every module, the demo accounts) alone: its contributors write tables the stages do not.
      const first = await loadCounty(ctx, { ...plan, index: 0 }, log, progress);
      loaded.push({ index: 0, tenantId: first.tenantId });
      loaded.push(...(await loadTheRest(ctx, plan, log, progress)));
      written = Date.now();
      progress.begin('建索引 indexes');
    });
    log(`  索引已建立 indexes built（${secs(written)}）`);
    const t = Date.now();
    progress.begin('统计信息 statistics');
    await bulk.fixSequences(['orgs', 'members', 'meetings', 'meeting_reviews', 'meeting_motions']);
    await sql`analyze`.execute(ctx.db);
    log(`  统计信息 statistics（${secs(t)}）`);
    // A province's dashboards read only the rollups: built with the load, not by a server's first rounds.
    await buildRollups(ctx, log, progress);
    await auditDemoLoad(ctx, counties, seed);
    return loaded;
  });
}

/** The province's plan for the start log: which records every county gets and which the first county only. */
const PROVINCE_PLAN =
  '  省级演示 province demo：每县 every county: 党组织、党员、一年组织生活（出席记录仅最近一季度）、' +
  '十分之一的为民服务记录 organizations, members, a year of meetings (attendance of the last quarter only), ' +
  'a tenth of the service records；其他模块仅第一个县 other modules: the first county only';

/** How many counties a stage thread may have waiting besides the one it loads: the rosters wait for the stages. */
const STAGE_QUEUE = 1;

/**
 * Counties 2..N: this thread loads each roster, hands the county to every stage thread and goes on to the next
 * roster while they work, at most `STAGE_QUEUE` counties ahead. Every stage is waited for, failed or not, before
 * the first failure is reported; after a failure no county is handed out.
 */
async function loadTheRest(
  ctx: Ctx,
  plan: Omit<CountyPlan, 'index'>,
  log: (line: string) => void,
  progress: DemoProgress,
): Promise<ProvinceCounty[]> {
  if (plan.counties < 2) return [];
  const stages = PROVINCE_STAGES.map((name) => new Stage(ctx, name, plan.seed, log));
  const loaded: ProvinceCounty[] = [];
  const started = new Map<number, number>();
  let failure: unknown = null;
  try {
    for (let index = 1; index < plan.counties && !failure; index++) {
      // A county's time runs from its roster to its last stage, the wait for a free stage included.
      started.set(index, Date.now());
      const c = await loadRoster(ctx, { ...plan, index }, log, progress);
      loaded.push({ index, tenantId: c.tenantId });
      for (const s of stages) await s.roomFor(STAGE_QUEUE);
      failure = stages.find((s) => s.failure)?.failure ?? null;
      if (failure) break;
      let left = stages.length;
      for (const s of stages)
        s.hand(c, () => {
          if (--left === 0) log(`  县 county ${index + 1}/${plan.counties} 完成 done（${secs(started.get(index)!)}）`);
        });
    }
  } catch (e) {
    failure = e;
  }
  const ends = await Promise.all(stages.map((s) => s.end()));
  failure ??= ends.find((e) => e) ?? null;
  if (failure) throw failure;
  return loaded;
}

/** One stage thread (one contributor for every county after the first) and the counties handed to it. */
class Stage {
  private readonly worker: Worker;
  private readonly waiting: (() => void)[] = [];
  private readonly done = new Map<number, () => void>();
  private inFlight = 0;
  private exited: Promise<Error | null>;
  failure: Error | null = null;

  constructor(ctx: Ctx, name: string, seed: number, log: (line: string) => void) {
    const data: StageData = {
      contributor: name,
      seed,
      databaseUrl: ctx.config.databaseUrl!,
      config: ctx.config,
      keys: ctx.vault.forWorkerThread(),
      clockOffsetMs: ctx.clock().getTime() - Date.now(),
    };
    this.worker = spawnStage(data);
    this.worker.on('message', (m: StageMessage) => {
      if (m.kind === 'log') log(m.line);
      else if (m.kind === 'loaded') {
        this.inFlight--;
        this.done.get(m.index)?.();
        this.done.delete(m.index);
        this.waiting.shift()?.();
      } else {
        this.failure ??= Object.assign(new Error(m.message), { stack: m.stack });
        this.inFlight = 0;
        for (const w of this.waiting.splice(0)) w();
      }
    });
    this.exited = new Promise((resolve) => {
      this.worker.on('error', (e) => (this.failure ??= e));
      this.worker.on('exit', (code) => {
        if (code !== 0) this.failure ??= new Error(`演示数据装载线程异常退出 (a stage thread exited with ${code})`);
        for (const w of this.waiting.splice(0)) w();
        resolve(this.failure);
      });
    });
  }

  /** Resolves when at most `queue` counties wait here besides the one being loaded (or the thread failed). */
  async roomFor(queue: number): Promise<void> {
    while (this.inFlight > queue && !this.failure) await new Promise<void>((r) => this.waiting.push(r));
  }

  /** Hands a county to the thread; `onDone` runs when its stage is written. */
  hand(c: LoadedCounty, onDone: () => void): void {
    this.inFlight++;
    this.done.set(c.index, onDone);
    this.worker.postMessage({ kind: 'county', county: c });
  }

  /** Tells the thread no county follows and waits for it to end; its failure, if any. */
  end(): Promise<Error | null> {
    this.worker.postMessage({ kind: 'end' });
    return this.exited;
  }
}

/** A stage thread (the bundle's sibling, or the TypeScript through tsx). */
function spawnStage(data: StageData): Worker {
  // A young generation of 64 MB: the stage threads make rows and COPY text by the hundred megabytes, and at the
  // default size the scavenges were a large share of the service records' thread.
  return startWorker(import.meta.url, { source: './stageWorker.ts', bundled: 'demo-stage.mjs' }, data, {
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
}
