/**
 * The panels of the wall screen, one per module, built from that module's declared figures (so they share its
 * cache). A module that lands adds its panel to `SCREEN_PANELS`; the web screen draws whatever the list holds.
 * A panel also gives the tile map its metrics, one value per child organization.
 */
import {
  AGE_BANDS,
  EDUCATIONS,
  MEETING_KIND_LABELS,
  MEMBER_STATUSES,
  REQUEST_CATEGORIES,
  type Capability,
  type Labelled,
  type ScreenPanelT,
  type ScreenValueT,
} from '@dangjian/contracts';
import type { Ctx } from '../../../platform/context.js';
import { subtreeRange } from '../../../db/dialect.js';
import { overviewFigure } from '../stats/stats.service.js';
import { complianceFigure } from '../../life/meetings/meetings.figures.js';
import { residentsStatsFigure } from '../../residents/common/residents.figures.js';
import * as repo from './screen.repository.js';
import { developmentPanel, duesPanel } from './screen.people.js';

/** What every panel is built from: the organization on the screen, its tiles and the time (plain data). */
export interface ScreenSource {
  root: { id: number; tenant_id: number; org_path: string; name: string };
  /** The child organizations drawn as tiles, with the tile each organization of the subtree falls in. */
  tiles: { id: number; name: string }[];
  tileOf: Map<number, number>;
  day: string;
  hour: string;
  /** The quarter of `day` (YYYY-Qn), the period of organizational life on the screen. */
  quarter: string;
}

export interface ScreenMetric {
  key: string;
  label: Labelled;
  unit: 'count' | 'rate';
}

/** A module's contribution to the screen. */
export interface ScreenPanelDef {
  key: string;
  /** Shown only to a caller who may read the module's figures. */
  capability: Capability;
  metrics: ScreenMetric[];
  build(ctx: Ctx, src: ScreenSource): Promise<{ panel: ScreenPanelT; tiles: Map<number, Record<string, number>> }>;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);
const v = (key: string, label: Labelled, value: number, unit: 'count' | 'rate' = 'count'): ScreenValueT => ({
  key,
  label,
  value,
  unit,
});
/** Counts keyed by an enum, in the enum's order, labelled by it. */
const byEnum = (map: Record<string, Labelled>, rows: { key: string; count: number }[]) =>
  Object.keys(map).map((k) => v(k, map[k]!, rows.find((r) => r.key === k)?.count ?? 0));
/** Sums per tile of values per organization. */
function perTile(src: ScreenSource, rows: Iterable<[orgId: number, value: number]>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [orgId, value] of rows) {
    const tile = src.tileOf.get(orgId);
    if (tile !== undefined) out.set(tile, (out.get(tile) ?? 0) + value);
  }
  return out;
}

const members: ScreenPanelDef = {
  key: 'members',
  capability: 'stats.read',
  metrics: [{ key: 'members', label: { zh: '党员人数', en: 'Members' }, unit: 'count' }],
  async build(ctx, src) {
    const [lo, hi] = subtreeRange(src.root.org_path);
    const o = await overviewFigure.get(ctx, src.root.tenant_id, { lo, hi, day: src.day });
    const counts = await repo.memberCountsUnder(ctx.db, src.root.tenant_id, src.root.org_path);
    const byTile = perTile(
      src,
      counts.map((c) => [c.org_id, Number(c.n)]),
    );
    const female = o.members.byGender.find((g) => g.key === 'female')?.count ?? 0;
    const panel: ScreenPanelT = {
      key: 'members',
      title: { zh: '党员队伍', en: 'Members' },
      values: [
        v('total', { zh: '党员总数', en: 'Members' }, o.members.total),
        ...byEnum(MEMBER_STATUSES, o.members.byStatus),
        v('orgs', { zh: '党组织', en: 'Organizations' }, o.orgs.total),
        v('female', { zh: '女党员占比', en: 'Women' }, rate(female, o.members.total), 'rate'),
      ],
      series: [
        {
          key: 'age',
          title: { zh: '年龄结构', en: 'By age' },
          chart: 'bar',
          items: byEnum(AGE_BANDS, o.members.byAgeBand),
        },
        {
          key: 'education',
          title: { zh: '学历结构', en: 'By education' },
          chart: 'bar',
          items: byEnum(EDUCATIONS, o.members.byEducation),
        },
      ],
    };
    return { panel, tiles: new Map(src.tiles.map((t) => [t.id, { members: byTile.get(t.id) ?? 0 }])) };
  },
};

const meetings: ScreenPanelDef = {
  key: 'meetings',
  capability: 'meetings.read',
  metrics: [{ key: 'compliance', label: { zh: '组织生活完成率', en: 'Meetings held' }, unit: 'rate' }],
  async build(ctx, src) {
    const { root, quarter, day } = src;
    const ref = { id: root.id, tenant_id: root.tenant_id, org_path: root.org_path, name: root.name };
    // The same arguments as the compliance page's, so both read one cached answer.
    const c = await complianceFigure.get(ctx, root.tenant_id, { root: ref, period: quarter, status: undefined, day });
    const kinds = new Map<string, { required: number; held: number }>();
    const required = new Map<number, number>();
    const held = new Map<number, number>();
    for (const i of c.items) {
      const k = kinds.get(i.kind) ?? { required: 0, held: 0 };
      k.required += i.required;
      k.held += Math.min(i.held, i.required);
      kinds.set(i.kind, k);
      const tile = src.tileOf.get(i.orgId);
      if (tile === undefined) continue;
      required.set(tile, (required.get(tile) ?? 0) + i.required);
      held.set(tile, (held.get(tile) ?? 0) + Math.min(i.held, i.required));
    }
    const [year, q] = quarter.split('-Q');
    const panel: ScreenPanelT = {
      key: 'meetings',
      title: { zh: '三会一课与主题党日', en: 'Meetings and theme days' },
      period: { zh: `${year}年第${q}季度`, en: `Q${q} ${year}` },
      values: [
        v('rate', { zh: '完成率', en: 'Held' }, c.summary.rate, 'rate'),
        v('required', { zh: '应开次数', en: 'Required' }, c.summary.required),
        v('held', { zh: '已开次数', en: 'Held' }, c.summary.held),
        v('behind', { zh: '滞后事项', en: 'Behind' }, c.summary.behind),
      ],
      series: [
        {
          key: 'kinds',
          title: { zh: '各类完成率', en: 'Held, by kind' },
          chart: 'bar',
          items: [...kinds].map(([kind, k]) =>
            v(kind, MEETING_KIND_LABELS[kind as keyof typeof MEETING_KIND_LABELS], rate(k.held, k.required), 'rate'),
          ),
        },
      ],
    };
    const tiles = new Map(
      src.tiles.map((t) => [t.id, { compliance: rate(held.get(t.id) ?? 0, required.get(t.id) ?? 0) }]),
    );
    return { panel, tiles };
  },
};

const service: ScreenPanelDef = {
  key: 'service',
  capability: 'residents.read',
  metrics: [
    { key: 'requests', label: { zh: '受理诉求', en: 'Requests' }, unit: 'count' },
    { key: 'closedShare', label: { zh: '诉求办结率', en: 'Requests closed' }, unit: 'rate' },
    { key: 'wishesDone', label: { zh: '微心愿实现', en: 'Wishes fulfilled' }, unit: 'count' },
  ],
  async build(ctx, src) {
    const { root, day, hour } = src;
    const year = day.slice(0, 4);
    const ref = { id: root.id, tenant_id: root.tenant_id, org_path: root.org_path, name: root.name };
    // This year, as the service figures page shows by default: one cached answer for both.
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    const s = await residentsStatsFigure.get(ctx, root.tenant_id, { root: ref, period, hour });
    const r = s.requests;
    const panel: ScreenPanelT = {
      key: 'service',
      title: { zh: '为民服务', en: 'Serving residents' },
      period: { zh: `${year}年`, en: year },
      values: [
        v('accepted', { zh: '受理诉求', en: 'Requests' }, r.accepted),
        v('closed', { zh: '已办结', en: 'Closed' }, r.closed),
        v('onTime', { zh: '按时办结率', en: 'Closed on time' }, r.closedOnTimeRate, 'rate'),
        v('satisfaction', { zh: '满意率', en: 'Satisfied' }, r.satisfactionRate, 'rate'),
        v('overdue', { zh: '超期未办', en: 'Overdue' }, r.overdue),
        v('wishes', { zh: '收集微心愿', en: 'Wishes' }, s.wishes.collected),
        v('wishesDone', { zh: '实现微心愿', en: 'Wishes fulfilled' }, s.wishes.fulfilled),
        v('errands', { zh: '代办事项', en: 'Errands' }, s.errands.taken),
      ],
      series: [
        {
          key: 'monthly',
          title: { zh: '每月受理诉求', en: 'Requests by month' },
          chart: 'bar',
          items: s.monthly.map((m) =>
            v(m.month, { zh: `${Number(m.month.slice(5))}月`, en: m.month.slice(5) }, m.accepted),
          ),
        },
        {
          key: 'categories',
          title: { zh: '诉求类别', en: 'By category' },
          chart: 'ring',
          items: Object.keys(REQUEST_CATEGORIES).map((k) =>
            v(k, REQUEST_CATEGORIES[k as keyof typeof REQUEST_CATEGORIES], r.byCategory[k] ?? 0),
          ),
        },
      ],
    };
    const byOrg = new Map(s.byOrg.map((o) => [o.orgId, o]));
    const tiles = new Map(
      src.tiles.map((t) => {
        const o = byOrg.get(t.id);
        return [
          t.id,
          {
            requests: o?.accepted ?? 0,
            closedShare: rate(o?.closed ?? 0, o?.accepted ?? 0),
            wishesDone: o?.wishesDone ?? 0,
          },
        ];
      }),
    );
    return { panel, tiles };
  },
};

/** Every panel of the screen, in the order it shows them; a module that lands adds its own here. */
export const SCREEN_PANELS: readonly ScreenPanelDef[] = [meetings, service, members, developmentPanel, duesPanel];
