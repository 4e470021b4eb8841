/** An ECharts chart from `echarts/core` with only the charts and components the home uses. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { useLocale } from '../app/i18n';
import { readable } from './chartOptions';

// Only what the home uses: the values are printed on the charts and listed as links below them,
// so no tooltip or legend component is needed (and the first view stays within its JS budget).
// SVG: text stays text (crisp at any zoom, selectable, and its boxes measurable); LabelLayout: labels give way.
echarts.use([BarChart, PieChart, GridComponent, LabelLayout, SVGRenderer]);

/** The Party-red palette used by every chart. */
export const PALETTE = [
  '#b3141f',
  '#d4880f',
  '#1f6fb2',
  '#389e0d',
  '#722ed1',
  '#13a8a8',
  '#c41d7f',
  '#5b6b7a',
  '#faad14',
  '#2f54eb',
];

export interface ChartClick {
  name: string;
  dataIndex: number;
  data: unknown;
}

/**
 * Renders an option with the shared rules of `chartOptions` (万 units, labels that do not collide, a grid that fits);
 * calls `onClick` with the clicked item; describes itself for screen readers.
 */
export function Chart({
  option,
  onClick,
  label,
  height = 240,
}: {
  option: EChartsCoreOption;
  onClick?: (p: ChartClick) => void;
  label: string;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const { locale } = useLocale();

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => click.current?.({ name: String(p.name), dataIndex: p.dataIndex, data: p.data }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(readable({ color: PALETTE, animationDuration: 300, ...option }, locale), true);
  }, [option, locale]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={label}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : 'default' }}
    />
  );
}
