/**
 * 承诺践诺情况 (`pledges.summary`): for a subtree and a year, the pledges made (submitted, not drafts), approved,
 * published, fulfilled (accepted), evaluated (closed), the evaluations and the share satisfied (满意 and 基本满意),
 * and the problems solved through them (seed 004: 1.08万 pledges, 3,900 problems solved), for member and
 * organization pledges apart and together, and for each organization right below the root.
 */
import {
  PLEDGE_APPROVED_STATUSES,
  PLEDGE_PUBLIC_STATUSES,
  PledgesSummaryQuery,
  type PledgesSummaryCountsT,
  type PledgesSummaryQueryT,
  type PledgesSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './pledges.repository.js';

/** The figure's arguments: the root organization and the year. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

type Row = Awaited<ReturnType<typeof repo.summaryRows>>[number];
type Rating = Awaited<ReturnType<typeof repo.summaryRatings>>[number];

const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;
const APPROVED: readonly string[] = PLEDGE_APPROVED_STATUSES;
const PUBLIC: readonly string[] = PLEDGE_PUBLIC_STATUSES;

/** The counts of the pledges of one subtree and kind (all kinds when none). */
export function countPledges(rows: Row[], ratings: Rating[], range: [string, string], kind?: string) {
  const c: PledgesSummaryCountsT = {
    made: 0,
    approved: 0,
    published: 0,
    fulfilled: 0,
    evaluated: 0,
    evaluations: 0,
    satisfaction: null,
    problemsSolved: 0,
  };
  for (const r of rows) {
    if (!inside(r.org_path, range) || (kind && r.kind !== kind) || r.status === 'draft') continue;
    c.made++;
    if (APPROVED.includes(r.status)) c.approved++;
    if (PUBLIC.includes(r.status)) c.published++;
    if (r.status === 'fulfilled' || r.status === 'evaluated') {
      c.fulfilled++;
      c.problemsSolved += Number(r.problems_solved);
    }
    if (r.status === 'evaluated') c.evaluated++;
  }
  let happy = 0;
  for (const e of ratings) {
    if (!inside(e.org_path, range) || (kind && e.kind !== kind)) continue;
    const n = Number(e.n);
    c.evaluations += n;
    if (e.rating !== 'dissatisfied') happy += n;
  }
  c.satisfaction = c.evaluations ? Math.round((happy / c.evaluations) * 1000) / 1000 : null;
  return c;
}

/** 承诺践诺情况 of a subtree and year. */
export const pledgesFigure = defineFigure({
  key: 'pledges.summary',
  name: { zh: '承诺践诺情况', en: 'Pledges: made, fulfilled, evaluated, problems solved' },
  params: PledgesSummaryQuery,
  route: 'GET /api/stats/pledges',
  depends: ['pledges', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<PledgesSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const range = subtreeRange(root.org_path);
    const [rows, ratings, children] = await Promise.all([
      repo.summaryRows(ctx.db, tenantId, range, year),
      repo.summaryRatings(ctx.db, tenantId, range, year),
      repo.childOrgs(ctx.db, tenantId, root.id),
    ]);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      total: countPledges(rows, ratings, range),
      member: countPledges(rows, ratings, range, 'member'),
      org: countPledges(rows, ratings, range, 'org'),
      rows: children.map((o) => ({
        orgId: o.id,
        orgName: o.name,
        counts: countPledges(rows, ratings, subtreeRange(o.org_path)),
      })),
    };
  },
  excel: { route: 'GET /api/stats/pledges/export', fill: fillSummary },
});

const pct = (x: number | null) => (x == null ? '' : `${Math.round(x * 1000) / 10}%`);

function fillSummary(wb: import('exceljs').Workbook, f: PledgesSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Pledges' : '承诺践诺情况', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Made' : '承诺数', 'made', 10],
    [en ? 'Approved' : '审核通过', 'approved', 10],
    [en ? 'Published' : '已公开', 'published', 10],
    [en ? 'Fulfilled' : '已践诺', 'fulfilled', 10],
    [en ? 'Evaluated' : '已评诺', 'evaluated', 10],
    [en ? 'Evaluations' : '评价人次', 'evaluations', 10],
    [en ? 'Satisfied' : '满意率', 'satisfaction', 10],
    [en ? 'Problems solved' : '解决问题数', 'problemsSolved', 12],
  ]);
  const add = (orgName: string, c: PledgesSummaryCountsT) =>
    ws.addRow({ orgName, ...c, satisfaction: pct(c.satisfaction) });
  for (const r of f.rows) add(r.orgName, r.counts);
  add(`${f.orgName}（${en ? 'total' : '合计'} ${f.year}）`, f.total);
  add(en ? 'of which members' : '其中：党员承诺', f.member);
  add(en ? 'of which organizations' : '其中：为民办实事', f.org);
}

async function argsOf(ctx: Ctx, actor: Actor, q: PledgesSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'pledges.review');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: PledgesSummaryQueryT): Promise<PledgesSummaryT> {
  return pledgesFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: PledgesSummaryQueryT, locale: Locale): Promise<Buffer> {
  return pledgesFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
