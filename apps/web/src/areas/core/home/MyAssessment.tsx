/**
 * The member's own points of the year and its pledges on the phone home (`/m/`), from `GET /api/home/mine`: my points
 * this year and this month, linking to `/m/points`; my pledges of the year, the open ones first, linking to
 * `/m/pledges`. Points come from records (meetings attended, pledges fulfilled, wishes, errands, dues on time …),
 * never from clicks.
 */
import { Link } from 'react-router';
import { type HomeMineT, PLEDGE_STATUSES } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';

/** My points and my pledges; nothing for an account that is no member. */
export function MyAssessment({ a }: { a: NonNullable<HomeMineT['assessment']> }) {
  const t = useT();
  const lbl = useLabel();
  const title = t('我的积分与承诺', 'My points and pledges');
  return (
    <section className="m-card m-month" aria-label={title} data-testid="m-my-assessment">
      <h2>{title}</h2>
      <ul className="m-month-list">
        <li data-todo="points-year">
          <span>{t(`${a.year} 年积分`, `Points in ${a.year}`)}</span>
          <span className="m-state">
            {a.points}
            {a.pointsThisMonth ? (
              <span className="m-sub"> {t(`本月 +${a.pointsThisMonth}`, `+${a.pointsThisMonth} this month`)}</span>
            ) : null}
          </span>
        </li>
        <li data-todo="pledges-year">
          <span>{t('我的承诺', 'My pledges')}</span>
          <span className={`m-state ${a.pledgesOpen > 0 ? 'warn' : ''}`}>
            {a.pledges
              ? t(`${a.pledges} 项，${a.pledgesOpen} 项未践诺`, `${a.pledges}, ${a.pledgesOpen} not fulfilled`)
              : t('还没有承诺', 'None yet')}
          </span>
        </li>
        {a.items.map((p) => (
          <li key={p.id} data-todo="pledge">
            <span>
              {p.title}
              {p.dueOn ? <span className="m-sub"> {t(`${p.dueOn} 前`, `by ${p.dueOn}`)}</span> : null}
            </span>
            <span className="m-state">{lbl(PLEDGE_STATUSES, p.status)}</span>
          </li>
        ))}
      </ul>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Link className="m-link" to="/m/points" data-testid="m-points-link">
          {t('查看我的积分', 'See my points')}
        </Link>
        <Link className="m-link" to="/m/pledges" data-testid="m-pledges-link">
          {t('查看我的承诺', 'See my pledges')}
        </Link>
      </div>
    </section>
  );
}
