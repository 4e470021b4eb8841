/**
 * The organizational-life figures of a business home, from the home summary (`GET /api/home`): numbers the server
 * computed, so the home never downloads the compliance table or the attendance lists to show them.
 */
import type { HomeT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { Stat } from '../../../components/Stat';
import { percent } from '../../life/meetings/model';

/** The numbers of this month's compliance and this year's meetings of the scope. */
export function HomeFigures({ home }: { home: HomeT }) {
  const t = useT();
  const m = home.meetings;
  if (!m) return null;
  const month = home.period;
  const year = home.today.slice(0, 4);
  const yearSpan = { from: `${year}-01-01`, to: `${year}-12-31` };
  const title = t('组织生活', 'Organizational life');
  return (
    <section aria-label={title} data-testid="meeting-figures">
      <h2 className="dj-h1 dj-section-title">{title}</h2>
      <div className="dj-grid-stats">
        <Stat
          testId="stat-compliance-rate"
          title={t(`本月落实率（${month}）`, `Compliance this month (${month})`)}
          value={percent(m.rate)}
          href="/compliance"
        />
        <Stat
          testId="stat-behind"
          title={t('本月滞后', 'Behind this month')}
          value={m.behind}
          href="/compliance?status=behind"
        />
        <Stat
          testId="stat-meetings"
          title={t(`${year}年会议`, `Meetings in ${year}`)}
          value={m.year.meetings}
          href={withQuery('/meetings', yearSpan)}
        />
        <Stat
          testId="stat-attendance"
          title={t(`${year}年出席率`, `Attendance in ${year}`)}
          value={percent(m.year.attendanceRate)}
          href={`/meetings/stats?period=${year}`}
        />
        <Stat
          testId="stat-lectures"
          title={t('书记讲党课 / 党课', 'Lectures by secretaries / all')}
          value={`${m.year.lecturesBySecretaries} / ${m.year.lectures}`}
          href={withQuery('/meetings', { kind: 'party_lecture', ...yearSpan })}
        />
        <Stat
          testId="stat-incomplete"
          title={t('纪实不完整', 'Incomplete records')}
          value={m.year.incomplete}
          href={withQuery('/meetings', { incomplete: 'true', ...yearSpan })}
        />
      </div>
    </section>
  );
}
