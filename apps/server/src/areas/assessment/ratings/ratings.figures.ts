/**
 * The figures of star ratings, computed from the results: `ratings.summary` (stars per level, the share at ≥ 3 stars,
 * commended and reminded, for any subtree and year, with a row per organization right below the root),
 * `ratings.target` (progress to the county's multi-year target, year by year) and `cadreAssessments.summary` (cadres
 * assessed per grade). Only results scored, published or final count (a draft has no stars yet).
 */
import {
  CADRE_GRADES,
  type CadreAssessmentsSummaryT,
  type CadreGrade,
  chinaYear,
  RatingsSummaryQuery,
  type RatingsSummaryQueryT,
  type RatingsSummaryT,
  RatingsTargetQuery,
  type RatingsTargetProgressT,
  type RatingTargetT,
} from '@dangjian/contracts';
import type { Static } from '@sinclair/typebox';
import type ExcelJS from 'exceljs';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './ratings.repository.js';

/** A summary's arguments: the root organization, the year and the subject. */
export interface SummaryArgs {
  orgId: number;
  year: number;
  subject: 'org' | 'cadre';
}

type Row = Awaited<ReturnType<typeof repo.summaryRows>>[number];
const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;

function counts(rows: Row[], range: [string, string]) {
  const c = { rated: 0, final: 0, atLeast3: 0, commended: 0, reminded: 0, stars: new Map<number, number>() };
  for (const r of rows) {
    if (!inside(r.org_path, range)) continue;
    c.rated++;
    if (r.status === 'final') c.final++;
    const s = r.stars ?? 0;
    c.stars.set(s, (c.stars.get(s) ?? 0) + 1);
    if (s >= 3) c.atLeast3++;
    if (r.outcome === 'commended') c.commended++;
    if (r.outcome === 'reminded') c.reminded++;
  }
  return c;
}

const share = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 1000 : 0);

/** 星级评定情况 of a subtree and year. */
export const summaryFigure = defineFigure({
  key: 'ratings.summary',
  name: { zh: '星级评定情况', en: 'Star ratings: stars per level, commended, reminded' },
  params: RatingsSummaryQuery,
  route: 'GET /api/stats/ratings',
  depends: ['ratings', 'roster'],
  compute: async (ctx: Ctx, { orgId, year, subject }: SummaryArgs, tenantId: number): Promise<RatingsSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const [rows, children] = await Promise.all([
      repo.summaryRows(ctx.db, tenantId, range, year, subject),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    const c = counts(rows, range);
    const top = Math.max(5, ...c.stars.keys());
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      rated: c.rated,
      final: c.final,
      byStars: Array.from({ length: top + 1 }, (_, stars) => ({ stars, count: c.stars.get(stars) ?? 0 })).filter(
        (x) => x.stars > 0 || x.count > 0,
      ),
      atLeast3: c.atLeast3,
      shareAtLeast3: share(c.atLeast3, c.rated),
      commended: c.commended,
      reminded: c.reminded,
      rows: children.map((o) => {
        const k = counts(rows, subtreeRange(o.org_path));
        return {
          orgId: o.id,
          orgName: o.name,
          rated: k.rated,
          atLeast3: k.atLeast3,
          commended: k.commended,
          reminded: k.reminded,
        };
      }),
    };
  },
  excel: { route: 'GET /api/stats/ratings/export', fill: fillSummary },
});

function fillSummary(wb: ExcelJS.Workbook, f: RatingsSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Star ratings' : '星级评定情况', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Rated' : '参评数', 'rated', 10],
    [en ? '≥ 3 stars' : '三星及以上', 'atLeast3', 12],
    [en ? 'Commended' : '表彰', 'commended', 10],
    [en ? 'Reminded' : '提醒整改', 'reminded', 10],
  ]);
  for (const r of f.rows) ws.addRow(r);
  ws.addRow({
    orgName: `${f.orgName}（${en ? 'total' : '合计'} ${f.year}）`,
    rated: f.rated,
    atLeast3: f.atLeast3,
    commended: f.commended,
    reminded: f.reminded,
  });
  const ss = addSheet(wb, en ? 'By stars' : '按星级', [
    [en ? 'Stars' : '星级', 'stars', 10],
    [en ? 'Organizations' : '党组织数', 'count', 12],
  ]);
  for (const r of f.byStars) ss.addRow({ stars: en ? `${r.stars} stars` : `${r.stars}星`, count: r.count });
}

/** 干部考核等次情况 of a subtree and year. */
export const cadreFigure = defineFigure({
  key: 'cadreAssessments.summary',
  name: { zh: '村干部考核等次情况', en: 'Cadre assessments per grade' },
  params: RatingsSummaryQuery,
  route: 'GET /api/stats/cadre-assessments',
  depends: ['ratings', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<CadreAssessmentsSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const rows = await repo.summaryRows(ctx.db, tenantId, subtreeRange(root.org_path), year, 'cadre');
    const by = new Map<string, number>();
    for (const r of rows) if (r.grade) by.set(r.grade, (by.get(r.grade) ?? 0) + 1);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      assessed: rows.length,
      byGrade: (Object.keys(CADRE_GRADES) as CadreGrade[]).map((grade) => ({ grade, count: by.get(grade) ?? 0 })),
    };
  },
});

/** A target's arguments: the root organization and the family (the county's first target when none). */
export interface TargetArgs {
  orgId: number;
  family: string | null;
}

/** Presents a target row. */
export function presentTarget(t: repo.TargetRow): RatingTargetT {
  return {
    id: t.id,
    family: t.family,
    minStars: t.min_stars,
    share: t.share_permille / 1000,
    startYear: t.start_year,
    byYear: t.by_year,
    note: t.note,
  };
}

/** 多年目标进度: the share of rated branches at the target's stars, each year from its start to its end. */
export const targetFigure = defineFigure({
  key: 'ratings.target',
  name: { zh: '星级评定多年目标进度', en: 'Progress to the multi-year star target' },
  params: RatingsTargetQuery,
  route: 'GET /api/stats/ratings/target',
  depends: ['ratings', 'roster'],
  compute: async (ctx: Ctx, { orgId, family }: TargetArgs, tenantId: number): Promise<RatingsTargetProgressT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const targets = await repo.targetsOf(ctx.db, tenantId);
    const t = family ? targets.find((x) => x.family === family) : targets[0];
    if (!t) return { orgId: root.id, orgName: root.name, target: null, years: [] };
    const years = Array.from({ length: t.by_year - t.start_year + 1 }, (_, i) => t.start_year + i);
    const rows = await repo.summaryRows(ctx.db, tenantId, subtreeRange(root.org_path), years, 'org', t.family);
    const goal = t.share_permille / 1000;
    return {
      orgId: root.id,
      orgName: root.name,
      target: presentTarget(t),
      years: years.map((year, i) => {
        const ofYear = rows.filter((r) => r.year === year);
        const reached = ofYear.filter((r) => (r.stars ?? 0) >= t.min_stars).length;
        return {
          year,
          rated: ofYear.length,
          reached,
          share: share(reached, ofYear.length),
          // The straight path from nothing asked before the start to the whole share in the last year.
          expected: Math.round((1000 * goal * (i + 1)) / years.length) / 1000,
        };
      }),
    };
  },
});

/** The summary's arguments for a subtree of the caller's scope (its own organization by default). */
async function argsOf(ctx: Ctx, actor: Actor, q: RatingsSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'ratings.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year, subject: q.subject ?? 'org' };
}

/** 星级评定情况 for the caller. */
export async function summary(ctx: Ctx, actor: Actor, q: RatingsSummaryQueryT): Promise<RatingsSummaryT> {
  return summaryFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, { ...q, subject: 'org' }));
}

/** 星级评定情况 as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: RatingsSummaryQueryT, locale: Locale): Promise<Buffer> {
  return summaryFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, { ...q, subject: 'org' }), locale);
}

/** 村干部考核等次情况 for the caller. */
export async function cadreSummary(ctx: Ctx, actor: Actor, q: RatingsSummaryQueryT): Promise<CadreAssessmentsSummaryT> {
  return cadreFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, { ...q, subject: 'cadre' }));
}

/** 多年目标进度 for the caller. */
export async function target(
  ctx: Ctx,
  actor: Actor,
  q: Static<typeof RatingsTargetQuery>,
): Promise<RatingsTargetProgressT> {
  requireCapability(actor, 'ratings.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return targetFigure.get(ctx, actor.tenantId!, { orgId: o.id, family: q.family ?? null });
}

/** The default year of a figure: this year in China. */
export const thisYear = (ctx: Ctx) => chinaYear(ctx.clock());
