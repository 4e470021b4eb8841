/** The months of a unit as grouped bars: meetings held, requests, resolved, members joined. */
import { useMemo } from 'react';
import type { RegionOverviewT } from '@dangjian/contracts';
import { useT } from '../../../app/i18n';
import { Chart, PALETTE } from '../../../components/Chart';

type Month = RegionOverviewT['months'][number];
const SERIES: readonly [keyof Omit<Month, 'month'>, string, string][] = [
  ['meetingsHeld', '召开会议', 'Meetings held'],
  ['requests', '民情诉求', 'Requests'],
  ['requestsResolved', '诉求办结', 'Resolved'],
  ['joined', '发展党员', 'Members joined'],
];

/** The trend chart with its own legend (the chart kit leaves ECharts' legend out of the first view). */
export function RegionTrend({ months }: { months: Month[] }) {
  const t = useT();
  const option = useMemo(
    () => ({
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map(([key, zh, en]) => ({
        type: 'bar',
        name: t(zh, en),
        barMaxWidth: 14,
        data: months.map((m) => m[key]),
      })),
    }),
    [months, t],
  );
  return (
    <section className="dj-card" data-testid="rg-trend" aria-label={t('逐月趋势', 'By month')}>
      <h2 className="dj-card-title">{t('逐月趋势', 'By month')}</h2>
      <ul className="rg-legend">
        {SERIES.map(([key, zh, en], i) => (
          <li key={key}>
            <span className="rg-swatch" style={{ background: PALETTE[i] }} aria-hidden />
            {t(zh, en)}
          </li>
        ))}
      </ul>
      {months.length ? (
        <Chart
          option={option}
          height={260}
          label={t(
            `逐月趋势：${months.map((m) => `${m.month} 会议${m.meetingsHeld}`).join('，')}`,
            `By month: ${months.map((m) => `${m.month} meetings ${m.meetingsHeld}`).join(', ')}`,
          )}
        />
      ) : (
        <p className="dj-empty">{t('本期没有数据', 'No figures for the period')}</p>
      )}
    </section>
  );
}
