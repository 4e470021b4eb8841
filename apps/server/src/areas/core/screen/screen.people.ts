/**
 * The people area's panels of the wall screen: member development against this year's guiding plan (the plan
 * figure `development.plan`) and party dues collected this month (the figure `dues.collection`) — read with the
 * same arguments as their own pages, so the screen and the pages share one cached answer. Counts, rates and
 * organization names only.
 */
import type { Labelled, ScreenPanelT, ScreenValueT } from '@dangjian/contracts';
import { planFigure, quartersElapsed } from '../../people/development/plans.figures.js';
import { collectionFigure } from '../../people/dues/dues.figures.js';
import type { ScreenPanelDef, ScreenSource } from './screen.panels.js';

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);
const v = (key: string, label: Labelled, value: number, unit: 'count' | 'rate' = 'count'): ScreenValueT => ({
  key,
  label,
  value,
  unit,
});
const monthLabel = (m: string): Labelled => ({ zh: `${Number(m.slice(5))}月`, en: m.slice(5) });
const refOf = ({ root }: ScreenSource) => ({
  id: root.id,
  tenant_id: root.tenant_id,
  org_path: root.org_path,
  name: root.name,
});

/** 发展党员: admitted this year against the plan, the targets in the pipeline, admissions by month. */
export const developmentPanel: ScreenPanelDef = {
  key: 'development',
  capability: 'development.read',
  metrics: [{ key: 'admitted', label: { zh: '今年发展党员', en: 'Admitted this year' }, unit: 'count' }],
  async build(ctx, src) {
    const { day } = src;
    const year = Number(day.slice(0, 4));
    const quarter = quartersElapsed(year, day);
    // The plan page's own arguments (this year, up to today while the year runs): one cached answer for both.
    const upTo = quarter === 4 || quarter === 0 ? `${year}-12-31` : day;
    const f = await planFigure.get(ctx, src.root.tenant_id, { root: refOf(src), year, quarter, upTo });
    const t = f.total;
    const panel: ScreenPanelT = {
      key: 'development',
      title: { zh: '发展党员', en: 'Member development' },
      period: { zh: `${year}年`, en: String(year) },
      values: [
        v('quota', { zh: '年度计划', en: 'Plan' }, t.quota ?? 0),
        v('admitted', { zh: '已发展', en: 'Admitted' }, t.admitted),
        v('done', { zh: '计划完成率', en: 'Of the plan' }, rate(t.admitted, t.quota ?? 0), 'rate'),
        v('targets', { zh: '现有发展对象', en: 'Targets now' }, t.targets),
        v('outsidePlan', { zh: '计划外发展', en: 'Outside the plan' }, t.outsidePlan),
      ],
      series: [
        {
          key: 'monthly',
          title: { zh: '每月发展党员', en: 'Admitted by month' },
          chart: 'bar',
          items: f.monthly
            .filter((m) => m.month <= day.slice(0, 7))
            .map((m) => v(m.month, monthLabel(m.month), m.admitted)),
        },
      ],
    };
    const byOrg = new Map(f.byOrg.map((r) => [r.orgId, r.admitted]));
    return { panel, tiles: new Map(src.tiles.map((x) => [x.id, { admitted: byOrg.get(x.id) ?? 0 }])) };
  },
};

/** 党费收缴: this month's collection rate, due and paid, and the rate month by month this year. */
export const duesPanel: ScreenPanelDef = {
  key: 'dues',
  capability: 'dues.read',
  metrics: [{ key: 'duesRate', label: { zh: '本月党费收缴率', en: 'Dues collected this month' }, unit: 'rate' }],
  async build(ctx, src) {
    const month = src.day.slice(0, 7);
    const tenant = src.root.tenant_id;
    // The dues figures page's arguments for this month and for the year: shared cached answers.
    const now = await collectionFigure.get(ctx, tenant, { root: refOf(src), period: month });
    const year = await collectionFigure.get(ctx, tenant, { root: refOf(src), period: month.slice(0, 4) });
    const t = now.total;
    const panel: ScreenPanelT = {
      key: 'dues',
      title: { zh: '党费收缴', en: 'Party dues' },
      period: { zh: `${month.slice(0, 4)}年${Number(month.slice(5))}月`, en: month },
      values: [
        v('rate', { zh: '收缴率', en: 'Collected' }, t.rate ?? 0, 'rate'),
        v('due', { zh: '应缴（元）', en: 'Due (yuan)' }, Math.round(t.due)),
        v('paid', { zh: '实缴（元）', en: 'Paid (yuan)' }, Math.round(t.paid)),
        v('unpaid', { zh: '未缴清人数', en: 'Not settled' }, t.unpaidBills),
      ],
      series: [
        {
          key: 'monthly',
          title: { zh: '每月收缴率', en: 'Collected by month' },
          chart: 'bar',
          items: year.byMonth
            .filter((m) => m.month != null && m.month <= month)
            .map((m) => v(m.month!, monthLabel(m.month!), m.rate ?? 0, 'rate')),
        },
      ],
    };
    const byOrg = new Map(now.byOrg.map((r) => [r.orgId, r.rate ?? 0]));
    return { panel, tiles: new Map(src.tiles.map((x) => [x.id, { duesRate: byOrg.get(x.id) ?? 0 }])) };
  },
};
