/**
 * Figures, once. A figure declares its key, its zh/en name, its route's parameters and the data versions
 * it depends on; the kit reads all those versions in one query, caches the answer under the figure's key,
 * its arguments and those versions (so no hand-built key can forget a dependency), shares concurrent
 * misses, builds its Excel export, and lists it in the catalogue (`GET /api/figures`).
 *
 * The arguments a figure is computed from are plain data (the resolved organization, the period, the
 * day …): they are the cache key, so whatever the computation reads from them is in the key by construction.
 */
import type { TSchema } from '@sinclair/typebox';
import type ExcelJS from 'exceljs';
import type { Ctx } from './context.js';
import { readVersions } from './data/dataVersions.js';
import { loadExcel, xlsxBuffer } from './excel.js';
import { memo, stableKey } from './memo.js';
import type { Domain } from './data/versions.js';

export type Locale = 'zh-CN' | 'en';

/** What a module writes to declare a figure. */
export interface FigureDef<A, R> {
  /** Stable and unique: `<module>.<figure>`. */
  key: string;
  name: { zh: string; en: string };
  /** The query parameters of the figure's route (shown in the catalogue). */
  params: TSchema;
  /** The route that answers it, e.g. `GET /api/stats/overview`. */
  route: string;
  /** Every data version the answer depends on: a write to any of them recomputes it. */
  depends: readonly Domain[];
  /** Computes the answer; may be given at the call instead, where a service keeps the body. */
  compute?: (ctx: Ctx, args: A, tenantId: number) => Promise<R>;
  /** The Excel export: its route and how an answer fills a workbook. */
  excel?: { route: string; fill: (wb: ExcelJS.Workbook, result: R, locale: Locale, args: A) => void };
}

/** A declared figure. */
export interface Figure<A, R> {
  readonly def: FigureDef<A, R>;
  /** The answer for a county and arguments: from the cache while every dependency's version is unchanged. */
  get(ctx: Ctx, tenantId: number, args: A, compute?: (ctx: Ctx, args: A, tenantId: number) => Promise<R>): Promise<R>;
  /** The answer as an Excel workbook. */
  xlsx(ctx: Ctx, tenantId: number, args: A, locale: Locale): Promise<Buffer>;
}

const registry = new Map<string, FigureDef<never, unknown>>();

/** Declares a figure and enters it in the catalogue; a key is declared once. */
export function defineFigure<A, R>(def: FigureDef<A, R>): Figure<A, R> {
  if (registry.has(def.key)) throw new Error(`figure ${def.key} declared twice`);
  registry.set(def.key, def as unknown as FigureDef<never, unknown>);
  const get: Figure<A, R>['get'] = async (ctx, tenantId, args, compute = def.compute) => {
    if (!compute) throw new Error(`figure ${def.key} has no computation`);
    const versions = await readVersions(ctx.db, tenantId, def.depends);
    const key = `${tenantId}|fig:${def.key}|${versions.join('.')}|${stableKey(args)}`;
    return memo(ctx.db, key, () => compute(ctx, args, tenantId));
  };
  return {
    def,
    get,
    async xlsx(ctx, tenantId, args, locale) {
      if (!def.excel) throw new Error(`figure ${def.key} has no Excel export`);
      const result = await get(ctx, tenantId, args);
      const wb = new (await loadExcel()).Workbook();
      def.excel.fill(wb, result, locale, args);
      return xlsxBuffer(wb);
    },
  };
}

/**
 * A part of a figure cached on its own versions, read by the caller (with `readVersions`): a month of
 * requests recounted alone after a write in that month, the households apart from the requests.
 */
export async function figurePart<T>(
  ctx: Ctx,
  tenantId: number,
  name: string,
  versions: readonly number[],
  args: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  return memo(ctx.db, `${tenantId}|part:${name}|${versions.join('.')}|${stableKey(args)}`, compute);
}

export { readVersions };

/** One entry of the catalogue. */
export interface FigureEntry {
  key: string;
  name: { zh: string; en: string };
  route: string;
  excel?: string;
  depends: string[];
  params: TSchema;
}

/** Every declared figure, by key. */
export function figureCatalogue(): FigureEntry[] {
  return [...registry.values()]
    .map((d) => ({
      key: d.key,
      name: d.name,
      route: d.route,
      ...(d.excel ? { excel: d.excel.route } : {}),
      depends: [...d.depends],
      params: d.params,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}
