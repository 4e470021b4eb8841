/**
 * The member's training hours and this month's learning items on the phone home (`/m/`), from `GET /api/home/mine`:
 * my hours this year against my requirement (counted from attendance, never from study time or clicks), linking
 * to `/m/training`; this month's items of my branch, whether it held each and whether I attended, linking to
 * `/m/learning`.
 */
import { Link } from 'react-router';
import type { HomeMineT } from '@dangjian/contracts';
import { useT } from '../../../app/i18n';

/** My hours and my learning items; nothing for an account that is no member. */
export function MyLearning({ l }: { l: NonNullable<HomeMineT['learning']> }) {
  const t = useT();
  const title = t('我的学习培训', 'My learning and training');
  return (
    <section className="m-card m-month" aria-label={title} data-testid="m-my-learning">
      <h2>{title}</h2>
      <ul className="m-month-list">
        <li data-todo="hours-year">
          <span>{t(`${l.year} 年学时`, `Hours in ${l.year}`)}</span>
          <span className={`m-state ${l.short ? 'warn' : ''}`}>
            {t(`${l.hours} / ${l.required} 学时`, `${l.hours} / ${l.required} h`)}
            {l.short ? <span className="m-sub"> {t('未达标', 'short')}</span> : null}
          </span>
        </li>
        {l.items.length ? (
          l.items.map((i) => (
            <li key={i.id} data-todo="learning-item">
              <span>{i.title}</span>
              <span className={`m-state ${i.held ? '' : 'warn'}`}>
                {i.held
                  ? i.attended
                    ? t('已参加', 'Attended')
                    : t('支部已学，我未参加', 'Held, I was absent')
                  : t('支部待学习', 'Not held yet')}
              </span>
            </li>
          ))
        ) : (
          <li>
            <span>{t('本月学习事项', 'Learning items this month')}</span>
            <span className="m-state">{t('暂无', 'None')}</span>
          </li>
        )}
      </ul>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Link className="m-link" to="/m/training" data-testid="m-training-link">
          {t('查看我的学时', 'See my hours')}
        </Link>
        <Link className="m-link" to="/m/learning" data-testid="m-learning-link">
          {t('查看本月学习', 'See this month')}
        </Link>
      </div>
    </section>
  );
}
