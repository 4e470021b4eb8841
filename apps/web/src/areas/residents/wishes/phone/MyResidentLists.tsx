/** The resident's own wishes and requests on the phone. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { REQUEST_CATEGORIES, REQUEST_STATUSES, SATISFACTION, WISH_STATUSES } from '@dangjian/contracts';
import { ApiError } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useT } from '../../../../app/i18n';
import { chinaDay, type RequestItem, type ResidentWish } from '../../requests/requestModel';
import '../../../life/meetings/phone/meeting-pages.css';
import './ResidentPages.css';
import { STATE_CLASS, residentApi } from './residentFrame';
import { NoteLine, PhoneListCard } from '../../../../components/PhoneParts';

/** The resident's own records of one kind (`/api/public/resident/wishes|requests`, up to 100) and their query. */
function useResidentList<T>(kind: 'wishes' | 'requests') {
  const q = useQuery({
    queryKey: [`resident-${kind}`],
    queryFn: ({ signal }) =>
      residentApi<ListPage<T> | T[]>('GET', `/api/public/resident/${kind}`, { signal, query: { pageSize: 100 } }),
  });
  return { q, items: Array.isArray(q.data) ? q.data : (q.data?.items ?? []) };
}

/** The resident's own wishes, with confirm and withdraw. */
export function MyWishes() {
  const t = useT();
  const lbl = useLabel();
  const { q, items } = useResidentList<ResidentWish>('wishes');
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function act(id: number, what: 'confirm' | 'withdraw') {
    setBusy(id);
    setError(null);
    try {
      await residentApi('POST', `/api/public/resident/wishes/${id}/${what}`, { body: {} });
      await q.refetch();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }
  return (
    <PhoneListCard
      id="r-my-wishes"
      title={t('我的心愿', 'My wishes')}
      error={error}
      pending={q.isPending}
      empty={items.length === 0 ? t('还没有提交过心愿', 'No wish yet') : null}
    >
      {items.map((w) => (
        <li key={w.id} className="r-item" data-testid="r-my-wish" data-status={w.status}>
          <div className="m-meeting-top">
            <span className="m-meeting-topic">{w.title}</span>
            <span className={`m-state ${STATE_CLASS[w.status] ?? ''}`}>{lbl(WISH_STATUSES, w.status)}</span>
          </div>
          <div className="m-sub">
            {w.orgName} · {chinaDay(w.createdAt)}
            {w.claimedByName ? ` · ${t('认领党员', 'Member')} ${w.claimedByName}` : ''}
          </div>
          <NoteLine label={t('完成情况：', 'Done: ')} text={w.fulfilNote} />
          {w.status === 'fulfilled' ? (
            <button
              type="button"
              className="m-btn primary"
              disabled={busy === w.id}
              onClick={() => act(w.id, 'confirm')}
              data-testid="r-confirm"
            >
              {t('确认已实现', 'Confirm it is done')}
            </button>
          ) : null}
          {w.status === 'open' ? (
            <button type="button" className="m-btn" disabled={busy === w.id} onClick={() => act(w.id, 'withdraw')}>
              {t('撤回', 'Withdraw')}
            </button>
          ) : null}
        </li>
      ))}
    </PhoneListCard>
  );
}

/** The resident's own requests, with a rating. */
export function MyRequests() {
  const t = useT();
  const lbl = useLabel();
  const { q, items } = useResidentList<RequestItem>('requests');
  const [error, setError] = useState<string | null>(null);
  async function rate(id: number, rating: string) {
    setError(null);
    try {
      await residentApi('POST', `/api/public/resident/requests/${id}/rate`, { body: { rating } });
      await q.refetch();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }
  return (
    <PhoneListCard
      id="r-my-requests"
      title={t('我反映的诉求', 'My requests')}
      error={error}
      pending={q.isPending}
      empty={items.length === 0 ? t('没有以本手机号登记的诉求', 'No request under this phone number') : null}
    >
      {items.map((r) => (
        <li key={r.id} className="r-item" data-testid="r-my-request">
          <div className="m-meeting-top">
            <span className="m-sub">
              {r.requestNo} · {lbl(REQUEST_CATEGORIES, r.category)} · {chinaDay(r.acceptedAt)}
            </span>
            <span className={`m-state ${STATE_CLASS[r.status] ?? ''}`}>{lbl(REQUEST_STATUSES, r.status)}</span>
          </div>
          <p className="r-text">{r.description}</p>
          <NoteLine label={t('办理结果：', 'Result: ')} text={r.result} />
          {r.rating ? (
            <div className="m-sub">
              {t('我的评价：', 'My rating: ')}
              {lbl(SATISFACTION, r.rating)}
            </div>
          ) : r.status === 'closed' ? (
            <div className="r-rate" role="group" aria-label={t('评价办理结果', 'Rate the result')}>
              {Object.keys(SATISFACTION).map((k) => (
                <button key={k} type="button" className="m-btn" onClick={() => rate(r.id, k)}>
                  {lbl(SATISFACTION, k)}
                </button>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </PhoneListCard>
  );
}
