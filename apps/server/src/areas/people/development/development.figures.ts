/**
 * The figure of member development (`development.pipeline`, 发展党员进度): for a subtree and a year, how many
 * applied, became activists, development targets, were admitted and converted, per child organization (the
 * root's own candidates in a row of its own) and in all; cached on the development and roster versions.
 */
import type ExcelJS from 'exceljs';
import { DevelopmentPipelineQuery, type DevelopmentPipelineT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './development.repository.js';

type Org = { id: number; name: string; org_path: string };
type Args = { root: Org; children: Org[]; year: number };
const COUNTS = ['applicants', 'activists', 'targets', 'admitted', 'converted'] as const;

async function compute(ctx: Ctx, args: Args, tenantId: number): Promise<DevelopmentPipelineT> {
  const { root, children, year } = args;
  const counts = await repo.pipelineCounts(
    ctx.db,
    tenantId,
    subtreeRange(root.org_path),
    `${year}-01-01`,
    `${year}-12-31`,
  );
  const zero = () => ({ applicants: 0, activists: 0, targets: 0, admitted: 0, converted: 0 });
  const rows = [root, ...children].map((o) => ({ orgId: o.id, orgName: o.name, ...zero() }));
  const total = zero();
  for (const c of counts) {
    // The deepest row whose path holds the candidate's organization: a child's subtree, else the root's own.
    const i = children.findIndex((o) => c.org_path.startsWith(o.org_path));
    const row = rows[i + 1]!;
    for (const k of COUNTS) {
      row[k] += c[k];
      total[k] += c[k];
    }
  }
  return {
    year,
    orgId: root.id,
    orgName: root.name,
    rows: rows.filter((r, i) => i > 0 || COUNTS.some((k) => r[k] > 0)),
    total,
  };
}

function fill(wb: ExcelJS.Workbook, r: DevelopmentPipelineT, locale: Locale) {
  const en = locale === 'en';
  const h = (zh: string, e: string) => (en ? e : zh);
  const ws = addSheet(wb, h(`发展党员进度${r.year}`, `Development ${r.year}`), [
    [h('组织', 'Organization'), 'orgName', 28],
    [h('递交申请', 'Applicants'), 'applicants', 10],
    [h('确定积极分子', 'Activists'), 'activists', 12],
    [h('确定发展对象', 'Targets'), 'targets', 12],
    [h('接收预备党员', 'Admitted'), 'admitted', 12],
    [h('转为正式党员', 'Converted'), 'converted', 12],
  ]);
  for (const row of r.rows) ws.addRow(row);
  ws.addRow({ orgName: h('合计', 'Total'), ...r.total }).font = { bold: true };
}

/** 发展党员进度: each stage's entries in a year, per child organization. */
export const pipelineFigure = defineFigure<Args, DevelopmentPipelineT>({
  key: 'development.pipeline',
  name: { zh: '发展党员进度', en: 'Member development pipeline' },
  params: DevelopmentPipelineQuery,
  route: 'GET /api/development/pipeline',
  depends: ['development', 'roster'],
  compute,
  excel: { route: 'GET /api/development/pipeline/export', fill },
});

/** The figure's arguments for the caller: the subtree's root (default its own organization) and its children. */
async function argsOf(ctx: Ctx, actor: Actor, org: number | undefined, year: number): Promise<Args> {
  requireCapability(actor, 'development.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, org ?? actor.orgId!);
  const kids = await orgsRepo.children(ctx.db, actor, o.id);
  const pick = (x: Org): Org => ({ id: x.id, name: x.name, org_path: x.org_path });
  return { root: pick(o), children: kids.map(pick), year };
}

/** The pipeline of a subtree and year. */
export async function pipeline(ctx: Ctx, actor: Actor, org: number | undefined, year: number) {
  return pipelineFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, org, year));
}

/** The pipeline as Excel. */
export async function pipelineXlsx(ctx: Ctx, actor: Actor, org: number | undefined, year: number, locale: Locale) {
  return pipelineFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, org, year), locale);
}
