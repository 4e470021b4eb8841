/** A module's panel on the wall screen: its headline values in big type and its series as bars or a ring. */
import { useMemo } from 'react';
import { use, type EChartsCoreOption } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import type { ScreenPanelT } from '@dangjian/contracts';
import type { Locale } from '../../../api/client';
import { Chart } from '../../../components/Chart';
import { useLocale } from '../../../app/i18n';
import { formatValue, labelOf } from './screenFormat';

type Series = ScreenPanelT['series'][number];

// Labels that would collide are hidden rather than drawn over each other.
use([LabelLayout]);

// The screen's own chart options (light text on the dark wall, big labels); the shared defaults stay as they are.
const TEXT = '#f3dcc0';
const MUTED = 'rgba(243, 220, 192, 0.55)';
const COLOURS = ['#e8413c', '#f0a83a', '#f6d365', '#ff7a45', '#c9302c', '#ffd6a5', '#b37feb', '#5cdbd3'];

function barOption(s: Series, locale: Locale): EChartsCoreOption {
  const rate = s.items.every((i) => i.unit === 'rate');
  const names = s.items.map((i) => labelOf(i.label, locale));
  // A short series (kinds, bands) lies on its side: long names read in full and the values never collide.
  const across = s.items.length <= 9;
  const category = {
    type: 'category',
    data: across ? [...names].reverse() : names,
    axisLabel: { color: TEXT, fontSize: 15, interval: 0 },
    axisLine: { lineStyle: { color: MUTED } },
    axisTick: { show: false },
  };
  const value = {
    type: 'value',
    max: rate ? 1 : undefined,
    splitNumber: 3,
    axisLabel: { show: false },
    splitLine: { show: false },
  };
  const data = s.items.map((i) => i.value);
  return {
    color: COLOURS,
    animationDuration: 600,
    grid: { left: 4, right: across ? 64 : 4, top: across ? 4 : 28, bottom: 4, containLabel: true },
    xAxis: across ? value : category,
    yAxis: across ? category : value,
    series: [
      {
        type: 'bar',
        barMaxWidth: across ? 18 : 34,
        data: across ? [...data].reverse() : data,
        itemStyle: { borderRadius: across ? [0, 4, 4, 0] : [4, 4, 0, 0] },
        label: {
          show: true,
          position: across ? 'right' : 'top',
          color: TEXT,
          fontSize: 16,
          formatter: (p: { value: number }) => formatValue(p.value, rate ? 'rate' : 'count', locale),
        },
      },
    ],
  };
}

function ringOption(s: Series, locale: Locale): EChartsCoreOption {
  const data = s.items.filter((i) => i.value > 0).map((i) => ({ name: labelOf(i.label, locale), value: i.value }));
  return {
    color: COLOURS,
    animationDuration: 600,
    series: [
      {
        type: 'pie',
        radius: ['42%', '66%'],
        center: ['50%', '54%'],
        data,
        itemStyle: { borderColor: '#1a0d10', borderWidth: 2 },
        label: { color: TEXT, fontSize: 15, formatter: '{b}\n{d}%' },
        labelLine: { lineStyle: { color: MUTED } },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}

function SeriesChart({ s, height }: { s: Series; height: number }) {
  const { locale } = useLocale();
  const option = useMemo(() => (s.chart === 'bar' ? barOption(s, locale) : ringOption(s, locale)), [s, locale]);
  const title = labelOf(s.title, locale);
  return (
    <figure className="dj-screen-series">
      <figcaption>{title}</figcaption>
      <Chart option={option} label={title} height={height} />
    </figure>
  );
}

/** The panel; `chartHeight` is what its column leaves for the charts. */
export function ScreenPanel({ panel, chartHeight }: { panel: ScreenPanelT; chartHeight: number }) {
  const { locale } = useLocale();
  return (
    <section className="dj-screen-panel" data-testid={`screen-panel-${panel.key}`}>
      <h2>
        {labelOf(panel.title, locale)}
        {panel.period ? <small>{labelOf(panel.period, locale)}</small> : null}
      </h2>
      <dl
        className="dj-screen-values"
        style={{ gridTemplateColumns: `repeat(${panel.values.length <= 5 ? panel.values.length : 4}, 1fr)` }}
      >
        {panel.values.map((v) => (
          <div key={v.key}>
            <dd>{formatValue(v.value, v.unit, locale)}</dd>
            <dt>{labelOf(v.label, locale)}</dt>
          </div>
        ))}
      </dl>
      {panel.series.length ? (
        <div
          className="dj-screen-charts"
          style={{ gridTemplateColumns: chartHeight >= 300 ? '1fr' : `repeat(${panel.series.length}, 1fr)` }}
        >
          {panel.series.map((s) => (
            <SeriesChart key={s.key} s={s} height={chartHeight} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
