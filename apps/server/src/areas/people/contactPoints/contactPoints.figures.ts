/**
 * 县级领导联系点情况 (`contactPoints.summary`): for a subtree and a year, the leaders holding a point in it, the
 * organizations guided and the weak ones taken on (包抓), the visits of the year and the issues they found, open
 * ones apart; per organization right below the root. Seed 002 (24 county leaders → 49 organizations) is this.
 */
import {
  ContactPointSummaryQuery,
  type ContactPointSummaryQueryT,
  type ContactPointSummaryT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './contactPoints.repository.js';

/** The figure's arguments: the root organization and the year. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

/** 县级领导联系点情况 of a subtree and year. */
export const contactPointsFigure = defineFigure({
  key: 'contactPoints.summary',
  name: { zh: '县级领导联系点情况', en: "County leaders' contact points" },
  params: ContactPointSummaryQuery,
  route: 'GET /api/contact-points/summary',
  depends: ['contactPoints', 'roster'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<ContactPointSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const { points, visits, issues } = await repo.figureRows(
      ctx.db,
      tenantId,
      subtreeRange(root.org_path),
      `${year}-01-01`,
      `${year}-12-31`,
    );
    const children = await repo.childOrgs(ctx.db, tenantId, root.id);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      leaders: new Set(points.map((p) => p.leader_id)).size,
      organizations: new Set(points.map((p) => p.org_id)).size,
      weakTakenOn: new Set(points.filter((p) => p.kind === 'weak_takeover').map((p) => p.org_id)).size,
      visits: visits.length,
      issues: issues.length,
      openIssues: issues.filter((i) => i.state === 'open').length,
      rows: children.map((o) => {
        const [lo, hi] = subtreeRange(o.org_path);
        const inside = (r: { org_path: string }) => r.org_path >= lo && r.org_path < hi;
        return {
          orgId: o.id,
          orgName: o.name,
          organizations: new Set(points.filter(inside).map((p) => p.org_id)).size,
          visits: visits.filter(inside).length,
          openIssues: issues.filter((i) => inside(i) && i.state === 'open').length,
        };
      }),
    };
  },
  excel: { route: 'GET /api/contact-points/summary/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: ContactPointSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const total = addSheet(wb, en ? 'Summary' : '总体情况', [
    [en ? 'Item' : '项目', 'item', 24],
    [en ? 'Number' : '数量', 'n', 10],
  ]);
  const lines: [string, string, number][] = [
    ['县级领导', 'Leaders', f.leaders],
    ['联系党组织', 'Organizations', f.organizations],
    ['包抓软弱涣散党组织', 'Weak organizations taken on', f.weakTakenOn],
    ['走访次数', 'Visits', f.visits],
    ['发现问题', 'Issues found', f.issues],
    ['待解决问题', 'Open issues', f.openIssues],
  ];
  for (const [zh, enL, n] of lines) total.addRow({ item: en ? enL : zh, n });
  const byOrg = addSheet(wb, en ? 'By organization' : '按组织', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Organizations' : '联系党组织', 'organizations', 12],
    [en ? 'Visits' : '走访次数', 'visits', 10],
    [en ? 'Open issues' : '待解决问题', 'openIssues', 12],
  ]);
  for (const r of f.rows) byOrg.addRow(r);
}

async function argsOf(ctx: Ctx, actor: Actor, q: ContactPointSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'contactPoints.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: ContactPointSummaryQueryT): Promise<ContactPointSummaryT> {
  return contactPointsFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(
  ctx: Ctx,
  actor: Actor,
  q: ContactPointSummaryQueryT,
  locale: Locale,
): Promise<Buffer> {
  return contactPointsFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
