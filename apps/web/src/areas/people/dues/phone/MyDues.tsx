/**
 * The member's own dues on the phone (`/m/dues`): what is owed, then the bills month by month (amount, paid,
 * state, a back payment awaiting review), a year at a time. No UI library, as every phone page.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { chinaToday, DUES_BILL_STATUSES, DUES_CATEGORIES, type DuesMineT } from '@dangjian/contracts';
import { api } from '../../../../api/client';
import { useLabel, useLocale, useT } from '../../../../app/i18n';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import { monthText, yuan } from '../money';

const STATE_CLASS: Record<string, string> = { due: 'bad', partial: 'warn', paid: 'ok', exempt: 'ok' };

/** A card on the member's home leading to its dues. */
export function DuesShortcut() {
  const t = useT();
  return (
    <section className="m-card" aria-label={t('我的党费', 'My dues')}>
      <h2>{t('我的党费', 'My dues')}</h2>
      <Link className="m-btn" to="/m/dues" data-testid="m-dues-link">
        {t('查看党费账单', 'See my dues bills')}
      </Link>
    </section>
  );
}

/** `/m/dues`: the member's bills of a year and what it owes. */
export function MyDuesPage() {
  const t = useT();
  const lbl = useLabel();
  const { locale } = useLocale();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useQuery({
    queryKey: ['m-dues', year],
    queryFn: ({ signal }) => api.get<DuesMineT>('/api/dues/mine', { year, pageSize: 24 }, signal),
  });
  if (q.isPending) return <Skeleton />;
  if (q.error) return <ProblemCard error={q.error} empty={t('没有找到您的党费账单', 'No dues bills were found')} />;
  const d = q.data;
  return (
    <>
      <section className="m-card m-stats" aria-label={t('党费', 'Dues')} data-testid="m-dues-summary">
        <div>
          <b>{yuan(d.owed)}</b>
          <span>{t('待缴（元）', 'Owed (元)')}</span>
        </div>
        <div>
          <b>{d.items.filter((b) => b.status === 'paid' || b.status === 'exempt').length}</b>
          <span>{t(`${year}年已缴月数`, `Months settled in ${year}`)}</span>
        </div>
        <div>
          <b style={{ fontSize: 18 }}>{d.category ? lbl(DUES_CATEGORIES, d.category) : '—'}</b>
          <span>{t('缴纳类别', 'Category')}</span>
        </div>
      </section>
      <nav className="m-card" style={{ display: 'flex', gap: 8 }} aria-label={t('年度', 'Year')}>
        <button type="button" className="m-btn" onClick={() => setYear(year - 1)}>
          {t(`‹ ${year - 1}年`, `‹ ${year - 1}`)}
        </button>
        <button type="button" className="m-btn" disabled={year >= thisYear} onClick={() => setYear(year + 1)}>
          {t(`${year + 1}年 ›`, `${year + 1} ›`)}
        </button>
      </nav>
      {d.items.length ? (
        <ol className="m-list" aria-label={t(`${year}年党费账单`, `Dues bills of ${year}`)}>
          {d.items.map((b) => (
            <li key={b.id} className="m-card" data-testid="m-dues-bill">
              <div className="m-meeting-top">
                <span className="m-meeting-topic">{monthText(b.month, locale)}</span>
                <span className={`m-state ${STATE_CLASS[b.status] ?? ''}`}>{lbl(DUES_BILL_STATUSES, b.status)}</span>
              </div>
              <div className="m-sub" data-testid="m-dues-amounts">
                {t(
                  `应缴 ${yuan(b.amount)} 元 · 已缴 ${yuan(b.paid)} 元`,
                  `Due ${yuan(b.amount)} 元 · paid ${yuan(b.paid)} 元`,
                )}
              </div>
              {b.outstanding > 0 ? (
                <div style={{ color: '#a8071a', fontWeight: 600 }}>
                  {t(`待缴 ${yuan(b.outstanding)} 元`, `${yuan(b.outstanding)} 元 owed`)}
                </div>
              ) : null}
              {b.pending > 0 ? (
                <div className="m-sub">
                  {t(`补交 ${yuan(b.pending)} 元待审核`, `Back payment of ${yuan(b.pending)} 元 in review`)}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <div className="m-card m-empty" data-testid="m-dues-empty">
          {t(`${year}年暂无党费账单`, `No dues bills in ${year}`)}
        </div>
      )}
      <p className="m-sub" style={{ textAlign: 'center' }}>
        {t('党费按月缴纳，如有疑问请联系所在支部。', 'Dues are paid monthly; ask your branch if anything is unclear.')}
      </p>
    </>
  );
}
