/**
 * The pieces a section is built of: a number with its trace (figure, arguments, data versions, list link), a
 * table, and a section without data (its figure's module is missing or failed: the section says so in words).
 */
import {
  BULLETIN_SECTIONS,
  type BulletinFigureT,
  type BulletinSectionKey,
  type BulletinSectionT,
  type BulletinTableT,
  type BulletinTraceT,
} from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { readVersions } from '../../../platform/figures.js';
import type { Domain } from '../../../platform/data/versions.js';
import type { BulletinPeriod } from './bulletins.period.js';

/** An organization a section is computed for, as plain data. */
export interface OrgRef {
  id: number;
  tenant_id: number;
  org_path: string;
  name: string;
}

/** An organization of the subtree: its parent and its type (the ranking of the children). */
export interface SubtreeOrg extends OrgRef {
  parent_id: number | null;
  type: string;
}

/** What every section builder receives. */
export interface SectionInput {
  ctx: Ctx;
  root: OrgRef;
  period: BulletinPeriod;
  /** Today in China: the figures' due dates are judged on it. */
  today: string;
  /** The organizations right below the root (ranked in the last section). */
  children: SubtreeOrg[];
  /** Every live organization of the subtree, in path order. */
  subtree: SubtreeOrg[];
}

/** A figure as a section reads it: its declaration (key, name, dependencies). */
export interface FigureLike {
  def: { key: string; name: { zh: string; en: string }; depends: readonly Domain[] };
}

type Unit = BulletinFigureT['unit'];
type Words = { zh: string; en: string };

/** The trace of a figure's answer: its key and name, its arguments, the versions of the data it depends on. */
export async function traceOf(
  ctx: Ctx,
  tenantId: number,
  fig: FigureLike,
  args: Record<string, unknown>,
  link: string | null,
): Promise<BulletinTraceT> {
  const v = await readVersions(ctx.db, tenantId, fig.def.depends);
  const versions = Object.fromEntries(fig.def.depends.map((d, i) => [d, v[i]!]));
  return { figure: fig.def.key, figureName: { ...fig.def.name }, args: plain(args), versions, link };
}

/** The arguments as JSON data (what is stored is what was used). */
function plain(args: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(args)) as Record<string, unknown>;
}

/** One number of a section; `link` replaces the trace's link (a narrower list), `ids` names short lists. */
export function num(
  trace: BulletinTraceT,
  key: string,
  label: Words,
  value: number | null,
  unit: Unit = 'count',
  more: { link?: string | null; ids?: number[] } = {},
): BulletinFigureT {
  const t: BulletinTraceT = { ...trace, ...(more.link !== undefined ? { link: more.link } : {}) };
  if (more.ids) t.ids = more.ids;
  return { key, label, value: value == null || Number.isNaN(value) ? null : value, unit, trace: t };
}

/** A table of a section. */
export function table(
  trace: BulletinTraceT,
  key: string,
  title: Words,
  columns: BulletinTableT['columns'],
  rows: BulletinTableT['rows'],
): BulletinTableT {
  return { key, title, columns, rows, trace };
}

/** A column in words. */
export const col = (key: string, zh: string, en: string, unit?: Unit): BulletinTableT['columns'][number] =>
  unit ? { key, label: { zh, en }, unit } : { key, label: { zh, en } };

/** A section with its content. */
export function section(
  key: BulletinSectionKey,
  text: Words,
  figures: BulletinFigureT[],
  tables: BulletinTableT[] = [],
): BulletinSectionT {
  return { key, title: { ...BULLETIN_SECTIONS[key] }, available: true, text, figures, tables };
}

/** A section whose figure is not available: it says so in words and holds no number. */
export function noData(key: BulletinSectionKey, why: 'missing' | 'failed' | 'empty' = 'missing'): BulletinSectionT {
  const text =
    why === 'missing'
      ? { zh: '暂无数据：该项工作的统计模块尚未启用。', en: 'No data: the module counting this is not in use yet.' }
      : why === 'failed'
        ? { zh: '暂无数据：该项统计暂时无法计算。', en: 'No data: this figure could not be computed now.' }
        : { zh: '本期暂无相关数据。', en: 'No data for this period.' };
  return { key, title: { ...BULLETIN_SECTIONS[key] }, available: false, text, figures: [], tables: [] };
}

/** A rate as a percentage in words (`87.5%`), or a dash. */
export function pct(rate: number | null | undefined): string {
  return rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** A link to a web list with its query (empty values left out). */
export function linkTo(path: string, q: Record<string, string | number | boolean | null | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v != null && v !== '') s.set(k, String(v));
  const qs = s.toString();
  return qs ? `${path}?${qs}` : path;
}
