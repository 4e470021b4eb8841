/** The figure of members away and out of contact (mobility.states) for any subtree, with its Excel export. */
import { OrgScopeQuery, type MobilityStatesT } from '@dangjian/contracts';
import type ExcelJS from 'exceljs';
import { type Actor, requireCapability } from '../../../platform/actor.js';
import type { Ctx } from '../../../platform/context.js';
import { defineFigure, type Locale } from '../../../platform/figures.js';
import { addSheet } from '../../../platform/sheets.js';
import * as orgsRepo from '../../core/orgs/orgs.repository.js';
import * as repo from './mobility.repository.js';

const TOP_DESTINATIONS = 10;

function fill(wb: ExcelJS.Workbook, r: MobilityStatesT, locale: Locale): void {
  const h = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const ws = addSheet(wb, h('流动和失联党员', 'Away and out of contact'), [
    [h('党组织', 'Organization'), 'org', 28],
    [h('党员数', 'Members'), 'members', 10],
    [h('外出流动', 'Away'), 'flowing', 10],
    [h('失联', 'Out of contact'), 'outOfContact', 10],
  ]);
  for (const o of r.byOrg) ws.addRow({ ...o, org: o.orgName });
  ws.addRow({ org: h(`合计（${r.orgName}）`, `Total (${r.orgName})`), ...r });
  ws.lastRow!.font = { bold: true };
  const places = addSheet(wb, h('流向地', 'Destinations'), [
    [h('外出地点', 'Where'), 'destination', 24],
    [h('人数', 'Members'), 'flowing', 10],
  ]);
  for (const d of r.destinations) places.addRow(d);
}

/** Members away and out of contact in a subtree, and by child organization. */
export const statesFigure = defineFigure<{ root: number; path: string }, MobilityStatesT>({
  key: 'mobility.states',
  name: { zh: '流动党员和失联党员', en: 'Members away and out of contact' },
  params: OrgScopeQuery,
  route: 'GET /api/mobility/states',
  depends: ['mobility', 'roster'],
  excel: { route: 'GET /api/mobility/states/export', fill },
  compute: (ctx, args, tenantId) => compute(ctx, args, tenantId),
});

async function compute(ctx: Ctx, args: { root: number; path: string }, tenantId: number): Promise<MobilityStatesT> {
  const root = await repo.orgOf(ctx.db, tenantId, args.root);
  const { members, away } = await repo.stateCounts(ctx.db, root.tenant_id, root.org_path);
  const children = await repo.childOrgs(ctx.db, root.tenant_id, root.id);
  const zero = () => ({ members: 0, flowing: 0, outOfContact: 0 });
  const total = zero();
  const byChild = new Map(children.map((c) => [c.id, zero()]));
  const childOf = (path: string) => children.find((c) => path.startsWith(c.org_path));
  const add = (path: string, f: (t: ReturnType<typeof zero>) => void) => {
    f(total);
    const c = childOf(path);
    if (c) f(byChild.get(c.id)!);
  };
  for (const m of members) add(m.org_path, (t) => (t.members += Number(m.n)));
  for (const a of away)
    add(a.org_path, (t) => {
      if (a.status === 'flowing') t.flowing += Number(a.n);
      else t.outOfContact += Number(a.n);
    });
  const places = await repo.destinations(ctx.db, root.tenant_id, root.org_path, TOP_DESTINATIONS);
  return {
    orgId: root.id,
    orgName: root.name,
    ...total,
    byOrg: children.map((c) => ({ orgId: c.id, orgName: c.name, ...byChild.get(c.id)! })),
    destinations: places.map((p) => ({ destination: p.destination ?? '', flowing: Number(p.n) })),
  };
}

async function rootOf(ctx: Ctx, actor: Actor, orgId?: number) {
  requireCapability(actor, 'mobility.read');
  return orgsRepo.getOrg(ctx.db, actor, orgId ?? actor.orgId!);
}

/** The figure for a subtree (default: the caller's scope). */
export async function states(ctx: Ctx, actor: Actor, orgId?: number): Promise<MobilityStatesT> {
  const root = await rootOf(ctx, actor, orgId);
  return statesFigure.get(ctx, root.tenant_id, { root: root.id, path: root.org_path });
}

/** The figure as a workbook. */
export async function statesXlsx(ctx: Ctx, actor: Actor, orgId: number | undefined, locale: Locale) {
  const root = await rootOf(ctx, actor, orgId);
  return statesFigure.xlsx(ctx, root.tenant_id, { root: root.id, path: root.org_path }, locale);
}
