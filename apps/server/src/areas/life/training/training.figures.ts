/**
 * 教育培训情况 (`training.summary`): for a subtree and a year, the classes held (approved or finished, starting in
 * it), the person-times present at their sessions, the hours members earned (classes and counted meetings), how many
 * members reached their requirement, and the annual rotation's coverage. Seed 001: 45 classes, 4,028 person-times.
 */
import { TrainingSummaryQuery, type TrainingSummaryQueryT, type TrainingSummaryT } from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import type { Actor } from '../../../platform/actor.js';
import { requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import { countHours, hoursOfSubtree } from './training.hours.js';
import * as repo from './training.repository.js';

/** The figure's arguments: the root organization and the year. */
export interface SummaryArgs {
  orgId: number;
  year: number;
}

/** 教育培训情况 of a subtree and year. */
export const trainingFigure = defineFigure({
  key: 'training.summary',
  name: { zh: '教育培训情况（培训班、人次、学时、达标率）', en: 'Training: classes, person-times, hours, reached' },
  params: TrainingSummaryQuery,
  route: 'GET /api/stats/training',
  depends: ['training', 'meetings', 'roster', 'cadres', 'rules:training'],
  compute: async (ctx: Ctx, { orgId, year }: SummaryArgs, tenantId: number): Promise<TrainingSummaryT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    const range = subtreeRange(root.org_path);
    const [classes, { rows }] = await Promise.all([
      repo.classFigures(ctx.db, tenantId, range, `${year}-01-01`, `${year}-12-31`),
      hoursOfSubtree(ctx, tenantId, root.org_path, year),
    ]);
    const c = countHours(rows);
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      ...classes,
      hours: Math.round(rows.reduce((s, r) => s + r.hours, 0) * 10) / 10,
      members: c.members,
      reached: c.reached,
      reachedShare: c.members ? Math.round((c.reached / c.members) * 1000) / 1000 : 0,
      rotated: c.rotated,
      coverage: c.coverage,
    };
  },
  excel: { route: 'GET /api/stats/training/export', fill: fillSummary },
});

function fillSummary(wb: import('exceljs').Workbook, f: TrainingSummaryT, locale: Locale): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? 'Training' : '教育培训情况', [
    [en ? 'Item' : '项目', 'item', 30],
    [en ? 'Value' : '数值', 'value', 14],
  ]);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const rows: [string, string, number | string][] = [
    ['培训班（个）', 'Classes', f.classes],
    ['参训人次', 'Person-times', f.personTimes],
    ['学时合计', 'Hours', f.hours],
    ['党员（人）', 'Members', f.members],
    ['学时达标（人）', 'Reached', f.reached],
    ['达标率', 'Reached share', pct(f.reachedShare)],
    ['参加轮训（人）', 'Rotated', f.rotated],
    ['轮训覆盖率', 'Rotation coverage', pct(f.coverage)],
  ];
  ws.addRow({ item: `${f.orgName} ${f.year}`, value: '' });
  for (const [zh, e, value] of rows) ws.addRow({ item: en ? e : zh, value });
}

async function argsOf(ctx: Ctx, actor: Actor, q: TrainingSummaryQueryT): Promise<SummaryArgs> {
  requireCapability(actor, 'training.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function summary(ctx: Ctx, actor: Actor, q: TrainingSummaryQueryT): Promise<TrainingSummaryT> {
  return trainingFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function summaryXlsx(ctx: Ctx, actor: Actor, q: TrainingSummaryQueryT, locale: Locale): Promise<Buffer> {
  return trainingFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
