/**
 * The member's own hours on the phone (`/m/training`): this year's hours by source (class sessions attended,
 * organizational life counted by the rules) against the requirement, the classes and meetings behind them. Hours
 * come from attendance records only. No UI library, as every phone page.
 */
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { MEETING_KIND_LABELS, type MeetingKindT, type MyTrainingHoursT } from '@dangjian/contracts';
import { api } from '../../../../api/client';
import { useLabel, useT } from '../../../../app/i18n';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import '../../meetings/phone/meeting-pages.css';

/** A card on the member's home leading to its hours. */
export function TrainingShortcut() {
  const t = useT();
  return (
    <section className="m-card" aria-label={t('我的学时', 'My training hours')}>
      <h2>{t('我的学时', 'My training hours')}</h2>
      <Link className="m-btn" to="/m/training" data-testid="m-training-link">
        {t('查看本年学时', 'See my hours this year')}
      </Link>
    </section>
  );
}

/** `/m/training`: my hours this year. */
export function MyTrainingPage() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['m-training'],
    queryFn: ({ signal }) => api.get<MyTrainingHoursT>('/api/training/hours/me', undefined, signal),
  });
  if (q.isPending) return <Skeleton />;
  if (q.error) return <ProblemCard error={q.error} empty={t('没有找到您的学时记录', 'No hours were found')} />;
  const d = q.data;
  return (
    <>
      <section className="m-card m-stats" aria-label={t('学时', 'Hours')} data-testid="m-training-summary">
        <div>
          <b data-testid="m-training-hours">{d.hours}</b>
          <span>{t(`${d.year}年已修学时`, `Hours in ${d.year}`)}</span>
        </div>
        <div>
          <b>{d.required}</b>
          <span>{d.committee ? t('应修（书记、委员）', 'Required (committee)') : t('应修学时', 'Required')}</span>
        </div>
        <div>
          <b style={{ fontSize: 18, color: d.short ? '#a8071a' : '#237804' }}>
            {d.short ? t('尚未达标', 'Short') : t('已达标', 'Reached')}
          </b>
          <span>{t('完成情况', 'Status')}</span>
        </div>
      </section>
      <section className="m-card" aria-label={t('培训班学时', 'Class hours')}>
        <h2>{t(`培训班学时：${d.classHours}`, `Classes: ${d.classHours} h`)}</h2>
        {d.classes.length ? (
          <ol className="m-list">
            {d.classes.map((c) => (
              <li key={c.title} className="m-sub">
                {t(
                  `${c.title}：出勤 ${c.sessions} 节，${c.hours} 学时`,
                  `${c.title}: ${c.sessions} sessions, ${c.hours} h`,
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p className="m-sub">{t('本年尚未参加培训班', 'No class attended this year')}</p>
        )}
      </section>
      <section className="m-card" aria-label={t('组织生活学时', 'Meeting hours')}>
        <h2>{t(`组织生活学时：${d.meetingHours}`, `Organizational life: ${d.meetingHours} h`)}</h2>
        {d.meetings.length ? (
          <ol className="m-list">
            {d.meetings.map((m) => (
              <li key={m.kind} className="m-sub">
                {t(
                  `${lbl(MEETING_KIND_LABELS, m.kind as MeetingKindT)}：出席 ${m.count} 次，${m.hours} 学时`,
                  `${lbl(MEETING_KIND_LABELS, m.kind as MeetingKindT)}: ${m.count}, ${m.hours} h`,
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p className="m-sub">{t('本年尚无计入学时的组织生活', 'No counted meeting this year')}</p>
        )}
      </section>
      <p className="m-sub" style={{ textAlign: 'center' }}>
        {t(
          '学时按培训班和组织生活的出勤记录计算，由组织录入。',
          'Hours are counted from the attendance the organizers record.',
        )}
      </p>
    </>
  );
}
