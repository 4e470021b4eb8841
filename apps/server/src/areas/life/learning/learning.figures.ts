/**
 * 学习清单落实情况 (`learning.progress`): for a subtree and a year (or one month), the items that apply to it, the
 * branches they apply to, the share held and the attendance share (members present at the holdings / members of the
 * branches that held); per item, per organization right below the root, and the branches behind after the month.
 */
import {
  chinaToday,
  LearningProgressQuery,
  type LearningProgressQueryT,
  type LearningProgressT,
} from '@dangjian/contracts';
import { subtreeRange } from '../../../db/dialect.js';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './learning.repository.js';

/** The figure's arguments: the root organization, the year and the month (0: the whole year). */
export interface ProgressArgs {
  orgId: number;
  year: number;
  month: number;
  today: string;
}

const share = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 0);
const inside = (path: string, [lo, hi]: [string, string]) => path >= lo && path < hi;
/** A month is over (and a branch not holding it behind) once its last day has passed. */
const over = (year: number, month: number, today: string) => `${year}-${String(month).padStart(2, '0')}-31` < today;

/** The progress figure. */
export const progressFigure = defineFigure({
  key: 'learning.progress',
  name: { zh: '学习清单落实情况', en: 'Learning lists: held and attended' },
  params: LearningProgressQuery,
  route: 'GET /api/learning/progress',
  depends: ['learning', 'meetings', 'roster'],
  compute: async (
    ctx: Ctx,
    { orgId, year, month, today }: ProgressArgs,
    tenantId: number,
  ): Promise<LearningProgressT> => {
    const root = await repo.orgOfTenant(ctx.db, tenantId, orgId);
    if (!root) throw notFound();
    const [items, orgs, children, members] = await Promise.all([
      repo.itemsFor(ctx.db, tenantId, root.org_path, year, month || undefined),
      repo.holdingOrgs(ctx.db, tenantId, root.org_path),
      repo.childOrgs(ctx.db, tenantId, root.id),
      repo.membersIn(ctx.db, tenantId, root.org_path),
    ]);
    const holds = await repo.holdsOf(
      ctx.db,
      tenantId,
      items.map((i) => i.id),
      subtreeRange(root.org_path),
    );
    const present = await repo.presentAt(ctx.db, holds);
    const heldSet = new Set(holds.map((h) => `${h.item_id}:${h.org_id}`));
    // Which branches each item applies to: those strictly below its setter.
    const pairs = items.flatMap((i) =>
      orgs.filter((o) => o.org_path !== i.org_path && o.org_path.startsWith(i.org_path)).map((o) => ({ i, o })),
    );
    const count = (range?: [string, string]) => {
      const ps = range ? pairs.filter((p) => inside(p.o.org_path, range)) : pairs;
      const held = ps.filter((p) => heldSet.has(`${p.i.id}:${p.o.id}`)).length;
      return { due: ps.length, held, heldShare: share(held, ps.length) };
    };
    let presentN = 0;
    let rosterN = 0;
    for (const h of holds) {
      const range = subtreeRange(h.org_path);
      presentN += (present.get(h.id) ?? []).length;
      rosterN += members.filter((m) => inside(m.org_path, range)).length;
    }
    const behind = pairs
      .filter((p) => over(year, p.i.month, today) && !heldSet.has(`${p.i.id}:${p.o.id}`))
      .slice(0, 300)
      .map((p) => ({ orgId: p.o.id, orgName: p.o.name, itemId: p.i.id, topic: p.i.topic, month: p.i.month }));
    return {
      orgId: root.id,
      orgName: root.name,
      year,
      month: month || null,
      itemsSet: items.length,
      organizations: orgs.length,
      ...count(),
      attendanceShare: share(Math.min(presentN, rosterN), rosterN),
      items: items.map((i) => {
        const ps = pairs.filter((p) => p.i.id === i.id);
        const held = ps.filter((p) => heldSet.has(`${i.id}:${p.o.id}`)).length;
        return {
          id: i.id,
          month: i.month,
          topic: i.topic,
          setterName: i.org_name,
          due: ps.length,
          held,
          heldShare: share(held, ps.length),
        };
      }),
      rows: children.map((o) => ({ orgId: o.id, orgName: o.name, ...count(subtreeRange(o.org_path)) })),
      behind,
    };
  },
  excel: { route: 'GET /api/learning/progress/export', fill },
});

function fill(wb: import('exceljs').Workbook, f: LearningProgressT, locale: Locale): void {
  const en = locale === 'en';
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const ws = addSheet(wb, en ? 'Progress' : '落实情况', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Due' : '应落实', 'due', 10],
    [en ? 'Held' : '已落实', 'held', 10],
    [en ? 'Share' : '落实率', 'pct', 10],
  ]);
  for (const r of f.rows) ws.addRow({ ...r, pct: pct(r.heldShare) });
  ws.addRow({ orgName: `${f.orgName}（${en ? 'total' : '合计'}）`, due: f.due, held: f.held, pct: pct(f.heldShare) });
  const bs = addSheet(wb, en ? 'Behind' : '未落实', [
    [en ? 'Organization' : '党组织', 'orgName', 30],
    [en ? 'Month' : '月份', 'month', 8],
    [en ? 'Topic' : '学习主题', 'topic', 40],
  ]);
  for (const b of f.behind) bs.addRow(b);
}

async function argsOf(ctx: Ctx, actor: Actor, q: LearningProgressQueryT): Promise<ProgressArgs> {
  requireCapability(actor, 'learning.read');
  const o = await orgsRepo.getOrg(ctx.db, actor, q.org ?? actor.orgId!);
  return { orgId: o.id, year: q.year, month: q.month ?? 0, today: chinaToday(ctx.clock()) };
}

/** The figure for a subtree of the caller's scope (its own organization by default). */
export async function progress(ctx: Ctx, actor: Actor, q: LearningProgressQueryT): Promise<LearningProgressT> {
  return progressFigure.get(ctx, actor.tenantId!, await argsOf(ctx, actor, q));
}

/** The figure as an Excel workbook. */
export async function progressXlsx(ctx: Ctx, actor: Actor, q: LearningProgressQueryT, locale: Locale): Promise<Buffer> {
  return progressFigure.xlsx(ctx, actor.tenantId!, await argsOf(ctx, actor, q), locale);
}
