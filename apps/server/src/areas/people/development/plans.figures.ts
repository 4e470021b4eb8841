/**
 * The plan's figures (发展计划执行情况) and the quarterly supervision list (季度督查), computed from the quotas and
 * the candidates' admission dates.
 *
 * A candidate admitted in a year counts against the deepest organization on its path that holds a quota for the
 * year. It was developed outside the plan (计划外发展) when no organization on its path holds one, or when the
 * nearest one split its quota to its children but gave none to the candidate's own branch.
 */
import type ExcelJS from 'exceljs';
import {
  chinaToday,
  label,
  PLAN_STATUSES,
  PlanFiguresQuery,
  type PlanFigureRowT,
  type PlanFiguresT,
  type SupervisionItemT,
  type SupervisionKind,
  type SupervisionT,
} from '@dangjian/contracts';
import { type Actor, requireAnyCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { defineFigure } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import { subtreeRange } from '../../../db/dialect.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './plans.repository.js';
import { missingMaterials } from './plans.files.js';

type OrgRef = { id: number; tenant_id: number; org_path: string; name: string };
type PlanArgs = { root: OrgRef; year: number; quarter: number; upTo: string };

const WHOLE: [string, string] = ['/', '0'];
const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

/** 发展计划执行情况: quota, admitted, remaining, over/behind and outside the plan, per organization below. */
export const planFigure = defineFigure({
  key: 'development.plan',
  name: { zh: '发展党员计划执行情况', en: 'The development plan against admissions' },
  params: PlanFiguresQuery,
  route: 'GET /api/development/plans/figures',
  depends: ['development', 'roster'],
  compute: (ctx: Ctx, args: PlanArgs) => computePlan(ctx, args),
  excel: { route: 'GET /api/development/plans/figures/export', fill: fillPlan },
});

/**
 * Quarters of `year` completed by `today`: all four of a past year, none of a year to come. The running figures
 * judge progress at the last quarter's end (as the quarterly supervision does), not mid-quarter.
 */
export function quartersElapsed(year: number, today: string): number {
  const now = Number(today.slice(0, 4));
  if (year < now) return 4;
  if (year > now) return 0;
  return Math.floor((Number(today.slice(5, 7)) - 1) / 3);
}

/** The last day of a quarter of a year. */
export function quarterEnd(year: number, quarter: number): string {
  return [`${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][quarter - 1]!;
}

/** The plan's figures of a subtree (default the caller's organization) and year (default this one). */
export async function planFigures(ctx: Ctx, actor: Actor, q: { org?: number; year?: number }): Promise<PlanFiguresT> {
  const { root, args } = await argsOf(ctx, actor, q);
  return planFigure.get(ctx, root.tenant_id, args);
}

/** The plan's figures as an Excel workbook. */
export async function planFiguresXlsx(
  ctx: Ctx,
  actor: Actor,
  q: { org?: number; year?: number },
  locale: 'zh-CN' | 'en',
): Promise<{ buffer: Buffer; filename: string }> {
  const { root, args } = await argsOf(ctx, actor, q);
  const name = locale === 'en' ? 'development-plan' : '发展党员计划执行情况';
  return {
    buffer: await planFigure.xlsx(ctx, root.tenant_id, args, locale),
    filename: `${name}-${root.name}-${args.year}.xlsx`,
  };
}

async function argsOf(ctx: Ctx, actor: Actor, q: { org?: number; year?: number }) {
  requireAnyCapability(actor, 'development.read', 'development.plan');
  const today = chinaToday(ctx.clock());
  const year = q.year ?? Number(today.slice(0, 4));
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const ref: OrgRef = { id: root.id, tenant_id: root.tenant_id, org_path: root.org_path, name: root.name };
  const quarter = quartersElapsed(year, today);
  // The day is in the key (through upTo) only while the year runs: a past year's figures never move with the clock.
  const upTo = year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  return { root, args: { root: ref, year, quarter, upTo } satisfies PlanArgs };
}

/** What the figures and the supervision share: the tree, the quotas and every admission up to a day. */
async function loadPlan(ctx: Ctx, root: OrgRef, year: number, upTo: string) {
  const tenant = root.tenant_id;
  const range = subtreeRange(root.org_path);
  const [orgs, plans, admitted, targets] = await Promise.all([
    repo.orgsInRange(ctx.db, tenant, range),
    repo.plansInRange(ctx.db, tenant, WHOLE, year),
    repo.admissions(ctx.db, tenant, range, `${year}-01-01`, upTo),
    repo.targetPaths(ctx.db, tenant, range),
  ]);
  const quota = new Map(plans.map((p) => [p.org_id, p.quota]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const splitParents = new Set<number>();
  const parentOf = new Map<number, number | null>();
  for (const p of plans) {
    const ids = idsOf(p.org_path);
    if (ids.length > 1) splitParents.add(ids[ids.length - 2]!);
  }
  for (const o of orgs) parentOf.set(o.id, o.parent_id);
  /** Whether an admission at an organization (by its path) lies outside the plan. */
  const outside = (path: string): boolean => {
    const ids = idsOf(path);
    for (let i = ids.length - 1; i >= 0; i--) {
      if (!quota.has(ids[i]!)) continue;
      return i !== ids.length - 1 && splitParents.has(ids[i]!);
    }
    return true;
  };
  const allocated = (orgId: number) =>
    plans.filter((p) => parentOf.get(p.org_id) === orgId).reduce((s, p) => s + p.quota, 0);
  return { orgs, orgById, quota, admitted, targets, outside, allocated };
}

type Loaded = Awaited<ReturnType<typeof loadPlan>>;

/** One organization's row: its quota against what its subtree admitted. */
function rowOf(l: Loaded, org: { id: number; name: string; org_path: string }, quarter: number): PlanFigureRowT {
  const quota = l.quota.get(org.id) ?? null;
  const [lo, hi] = subtreeRange(org.org_path);
  const inside = l.admitted.filter((a) => a.org_path >= lo && a.org_path < hi);
  const admitted = inside.length;
  // Whole persons due: a branch with a quota of 1 is not behind before the year's last quarter.
  const expected = quota === null ? 0 : Math.floor((quota * quarter) / 4);
  let status: PlanFigureRowT['status'] = 'on_track';
  if (quota === null) status = 'no_plan';
  else if (admitted > quota) status = 'over';
  else if (admitted === quota && quota > 0) status = 'done';
  else if (admitted < expected) status = 'behind';
  return {
    orgId: org.id,
    orgName: org.name,
    quota,
    allocated: l.allocated(org.id),
    admitted,
    remaining: quota === null ? 0 : Math.max(quota - admitted, 0),
    expected,
    outsidePlan: inside.filter((a) => l.outside(a.org_path)).length,
    targets: l.targets.filter((c) => c.org_path >= lo && c.org_path < hi).length,
    status,
  };
}

async function computePlan(ctx: Ctx, { root, year, quarter, upTo }: PlanArgs): Promise<PlanFiguresT> {
  const l = await loadPlan(ctx, root, year, upTo);
  const children = l.orgs.filter((o) => o.parent_id === root.id);
  const months = new Map<string, number>();
  for (let m = 1; m <= 12; m++) months.set(`${year}-${String(m).padStart(2, '0')}`, 0);
  for (const a of l.admitted) months.set(a.admitted_on.slice(0, 7), (months.get(a.admitted_on.slice(0, 7)) ?? 0) + 1);
  return {
    org: { id: root.id, name: root.name },
    year,
    quarter,
    total: rowOf(l, root, quarter),
    byOrg: children.map((c) => rowOf(l, c, quarter)),
    monthly: [...months].map(([month, admitted]) => ({ month, admitted })),
  };
}

/** Fills a workbook with the plan's figures (zh or en headers). */
function fillPlan(wb: ExcelJS.Workbook, f: PlanFiguresT, locale: 'zh-CN' | 'en'): void {
  const en = locale === 'en';
  const ws = addSheet(wb, en ? `Development plan ${f.year}` : `${f.year}年发展党员计划执行情况`, [
    [en ? 'Organization' : '党组织', 'org', 30],
    [en ? 'Quota' : '计划数', 'quota', 10],
    [en ? 'Split below' : '已分解', 'allocated', 10],
    [en ? 'Admitted' : '已发展', 'admitted', 10],
    [en ? 'Remaining' : '剩余', 'remaining', 10],
    [en ? 'Due by now' : '应完成', 'expected', 10],
    [en ? 'Outside the plan' : '计划外', 'outsidePlan', 10],
    [en ? 'Targets now' : '现有发展对象', 'targets', 12],
    [en ? 'Status' : '状态', 'status', 14],
  ]);
  const add = (r: PlanFigureRowT) =>
    ws.addRow({ ...r, org: r.orgName, quota: r.quota ?? '', status: label(PLAN_STATUSES, r.status, locale) });
  for (const r of f.byOrg) add(r);
  add({ ...f.total, orgName: en ? `Total: ${f.org.name}` : `合计：${f.org.name}` });
}

/**
 * The quarterly supervision list of a subtree: as of the quarter's end, who is behind (admitted below quota ×
 * quarter / 4), who is over the quota, who developed outside the plan, whose files lack a step's materials; with
 * the organization's mark, if it was marked for the year.
 */
export async function supervision(
  ctx: Ctx,
  actor: Actor,
  q: { year: number; quarter: number; org?: number },
): Promise<SupervisionT> {
  requireAnyCapability(actor, 'development.read', 'development.plan');
  const root = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  const upTo = quarterEnd(q.year, q.quarter);
  const l = await loadPlan(ctx, root, q.year, upTo);
  const range = subtreeRange(root.org_path);
  const [steps, marks] = await Promise.all([
    repo.stepsWithMaterials(ctx.db, root.tenant_id, range, `${q.year}-01-01`, upTo),
    repo.marksInRange(ctx.db, root.tenant_id, range, q.year),
  ]);
  const found = new Map<number, { kinds: Set<SupervisionKind>; outside: number; files: number }>();
  const at = (orgId: number) => {
    let f = found.get(orgId);
    if (!f) found.set(orgId, (f = { kinds: new Set(), outside: 0, files: 0 }));
    return f;
  };
  for (const o of l.orgs) {
    if (o.id === root.id || !l.quota.has(o.id)) continue;
    const r = rowOf(l, o, q.quarter);
    if (r.quota !== null && r.admitted > r.quota) at(o.id).kinds.add('over');
    else if (r.admitted < r.expected) at(o.id).kinds.add('behind');
  }
  for (const a of l.admitted) {
    if (!l.outside(a.org_path)) continue;
    const f = at(a.org_id);
    f.kinds.add('outside');
    f.outside++;
  }
  for (const s of steps) {
    if (!missingMaterials(s.step, s.materials).length) continue;
    const f = at(s.org_id);
    f.kinds.add('files_missing');
    f.files++;
  }
  const markOf = new Map(marks.map((m) => [m.org_id, m]));
  // A marked organization stays on the list for the year, even once its figures recover.
  for (const m of marks) at(m.org_id);
  const items: SupervisionItemT[] = [];
  for (const o of l.orgs) {
    const f = found.get(o.id);
    if (!f) continue;
    const r = rowOf(l, o, q.quarter);
    const m = markOf.get(o.id);
    items.push({
      orgId: o.id,
      orgName: o.name,
      parentName: o.parent_id ? (l.orgById.get(o.parent_id)?.name ?? null) : null,
      kinds: [...f.kinds],
      quota: r.quota,
      admitted: r.admitted,
      expected: r.expected,
      outsidePlan: f.outside,
      filesMissing: f.files,
      mark: m
        ? {
            id: m.id,
            orgId: m.org_id,
            orgName: m.org_name,
            year: m.year,
            reason: m.reason,
            secretaryName: m.secretary_name,
            markedBy: m.marked_by_name,
            createdAt: m.created_at,
            undoneAt: m.undone_at,
            undoReason: m.undo_reason,
          }
        : null,
    });
  }
  return { year: q.year, quarter: q.quarter, items, total: items.length };
}
