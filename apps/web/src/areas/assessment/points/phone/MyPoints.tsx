/**
 * The member's own points on the phone (`/m/points`): this year's total and rank in the branch, then the entries
 * month by month; before a month is published the member may dispute an entry with a reason. No UI library.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { chinaToday, DISPUTE_STATUSES, type MyPointsT, type PointEntryT } from '@dangjian/contracts';
import { api } from '../../../../api/client';
import { useLabel, useT } from '../../../../app/i18n';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import { signed, whatOf } from '../pointModel';

/** A card on the member's home leading to its points. */
export function PointsShortcut() {
  const t = useT();
  return (
    <section className="m-card" aria-label={t('我的积分', 'My points')}>
      <h2>{t('我的积分', 'My points')}</h2>
      <Link className="m-btn" to="/m/points" data-testid="m-points-link">
        {t('查看积分明细', 'See my points')}
      </Link>
    </section>
  );
}

/** One entry, with the dispute button (and its reason box) while its month is not published. */
function Entry({ e, onChanged }: { e: PointEntryT; onChanged: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const disputable = e.status === 'approved' && !e.published && !e.reversesId && !e.reversed && !e.dispute;
  async function send() {
    if (!reason.trim()) return setError(t('请填写异议理由', 'Give a reason'));
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/points/${e.id}/dispute`, { reason: reason.trim() });
      setOpen(false);
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="m-card" data-testid="m-point-entry">
      <div className="m-meeting-top">
        <span className="m-meeting-topic">{whatOf(e, lbl)}</span>
        <b style={{ color: e.points < 0 ? '#a8071a' : '#237804' }}>{signed(e.points)}</b>
      </div>
      <div className="m-sub">
        {e.occurredOn}
        {e.note ? ` · ${e.note}` : ''}
        {e.status !== 'approved' ? ` · ${t('审核中，未计入', 'in review, not counted')}` : ''}
      </div>
      {e.dispute ? (
        <div className="m-sub" data-testid="m-point-dispute">
          {t('我的异议', 'My dispute')}（{lbl(DISPUTE_STATUSES, e.dispute.status)}）：{e.dispute.reason}
          {e.dispute.answer ? ` — ${t('答复', 'answer')}：${e.dispute.answer}` : ''}
        </div>
      ) : null}
      {disputable && !open ? (
        <button type="button" className="m-btn" onClick={() => setOpen(true)} data-testid="m-point-dispute-open">
          {t('提出异议', 'Dispute')}
        </button>
      ) : null}
      {open ? (
        <div>
          <label className="m-sub" htmlFor={`reason-${e.id}`}>
            {t('异议理由', 'Reason')}
          </label>
          <textarea
            id={`reason-${e.id}`}
            className="m-input"
            rows={3}
            value={reason}
            onChange={(x) => setReason(x.target.value.slice(0, 500))}
            data-testid="m-point-dispute-reason"
            style={{ width: '100%' }}
          />
          {error ? (
            <div className="m-alert error" role="alert">
              {error}
            </div>
          ) : null}
          <div style={{ display: 'flex', gap: 8 }}>
            <button type="button" className="m-btn" disabled={busy} onClick={send} data-testid="m-point-dispute-send">
              {t('提交异议', 'Send')}
            </button>
            <button type="button" className="m-btn" onClick={() => setOpen(false)}>
              {t('取消', 'Cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** `/m/points`: the member's points of a year. */
export function MyPointsPage() {
  const t = useT();
  const qc = useQueryClient();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useQuery({
    queryKey: ['m-points', year],
    queryFn: ({ signal }) => api.get<MyPointsT>('/api/points/mine', { year }, signal),
  });
  if (q.isPending) return <Skeleton />;
  if (q.error) return <ProblemCard error={q.error} empty={t('没有找到您的积分', 'No points were found')} />;
  const d = q.data;
  return (
    <>
      <section className="m-card m-stats" aria-label={t('积分', 'Points')} data-testid="m-points-summary">
        <div>
          <b data-testid="m-points-total">{d.total}</b>
          <span>{t(`${year}年积分`, `Points in ${year}`)}</span>
        </div>
        <div>
          <b>{d.rank ?? '—'}</b>
          <span>{t(`支部排名（共${d.branchSize}人）`, `Rank of ${d.branchSize}`)}</span>
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
      {d.months.length ? (
        d.months.map((m) => (
          <section key={m.month} aria-label={m.month}>
            <h2 className="m-sub" style={{ margin: '12px 4px 4px' }}>
              {m.month} · {t(`${m.points}分`, `${m.points} points`)} ·{' '}
              {m.published ? t('已公示', 'published') : t('未公示，可提出异议', 'not published: you may dispute')}
            </h2>
            <ol className="m-list">
              {m.entries.map((e) => (
                <Entry key={e.id} e={e} onChanged={() => qc.invalidateQueries({ queryKey: ['m-points'] })} />
              ))}
            </ol>
          </section>
        ))
      ) : (
        <div className="m-card m-empty" data-testid="m-points-empty">
          {t(`${year}年暂无积分记录`, `No points in ${year}`)}
        </div>
      )}
      <p className="m-sub" style={{ textAlign: 'center' }}>
        {t(
          '积分来自参加组织生活、践诺、服务群众等实绩；每月公示前可对本人积分提出异议。',
          'Points come from work done; dispute an entry before its month is published.',
        )}
      </p>
    </>
  );
}
