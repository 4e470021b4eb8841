/**
 * The organizational-life section of the business home: this month's compliance, this year's meetings, attendance,
 * lectures, incomplete records.
 */
import { useQuery } from '@tanstack/react-query';
import { MEETING_KIND_LABELS } from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import { useLabel, usePeriod, useT } from '../../../app/i18n';
import { ChartCard, Stat, slices } from '../../core/home/BusinessHome';
import { percent, thisMonth, thisYear, type ComplianceAnswer, type MeetingStatsAnswer } from './model';

/** The section; `orgId` is the switcher's organization (undefined: the user's scope). */
export default function MeetingFigures({ orgId }: { orgId: number | undefined }) {
  const t = useT();
  const period = usePeriod();
  const lbl = useLabel();
  const month = thisMonth();
  const year = String(thisYear());
  const cq = { org: orgId, period: month };
  const sq = { org: orgId, period: year };
  const c = useQuery({
    queryKey: ['compliance', cq],
    queryFn: ({ signal }) => api.get<ComplianceAnswer>('/api/compliance/meetings', cq, signal),
  });
  const s = useQuery({
    queryKey: ['meeting-stats', sq],
    queryFn: ({ signal }) => api.get<MeetingStatsAnswer>('/api/stats/meetings', sq, signal),
  });
  const yearSpan = { from: `${year}-01-01`, to: `${year}-12-31` };
  const title = t('组织生活', 'Organizational life');

  return (
    <section aria-label={title} data-testid="meeting-figures" style={{ marginTop: 24 }}>
      <h2 className="dj-h1" style={{ fontSize: 18, marginBottom: 12 }}>
        {title}
      </h2>
      {c.error || s.error ? (
        <p className="dj-empty" role="alert">
          {((c.error ?? s.error) as Error).message}
        </p>
      ) : !c.data || !s.data ? (
        <div className="dj-spinner" role="status" aria-label={t('加载中', 'Loading')} />
      ) : (
        <>
          <div className="dj-grid-stats">
            <Stat
              testId="stat-compliance-rate"
              title={t(`本月落实率（${period(month)}）`, `Compliance this month (${period(month)})`)}
              value={percent(c.data.summary.rate)}
              href="/compliance"
            />
            <Stat
              testId="stat-behind"
              title={t('本月滞后', 'Behind this month')}
              value={c.data.summary.behind}
              href="/compliance?status=behind"
            />
            <Stat
              testId="stat-meetings"
              title={t(`${year}年会议`, `Meetings in ${year}`)}
              value={s.data.meetings}
              href={withQuery('/meetings', yearSpan)}
            />
            <Stat
              testId="stat-attendance"
              title={t(`${year}年出席率`, `Attendance in ${year}`)}
              value={percent(s.data.attendance.rate)}
              href={`/meetings/stats?period=${year}`}
            />
            <Stat
              testId="stat-lectures"
              title={t('书记讲党课 / 党课', 'Lectures by secretaries / all')}
              value={`${s.data.lectures.bySecretaries} / ${s.data.lectures.total}`}
              href={withQuery('/meetings', { kind: 'party_lecture', ...yearSpan })}
            />
            <Stat
              testId="stat-incomplete"
              title={t('纪实不完整', 'Incomplete records')}
              value={s.data.incomplete}
              href={withQuery('/meetings', { incomplete: 'true', ...yearSpan })}
            />
          </div>
          <div className="dj-grid-charts">
            <ChartCard
              testId="chart-meetings-by-kind"
              kind="hbar"
              title={t(`${year}年各类会议次数`, `Meetings by kind in ${year}`)}
              data={slices(s.data.byKind, MEETING_KIND_LABELS, lbl, 'kind', '/meetings', t('其他', 'Other')).map(
                (d) => ({ ...d, href: d.href ? `${d.href}&from=${yearSpan.from}&to=${yearSpan.to}` : null }),
              )}
            />
          </div>
        </>
      )}
    </section>
  );
}
