/**
 * The residents' evaluation page of a pledge (`/m/pledge/:token`, the link or QR code the branch shows): what was
 * pledged and done, with the member's name masked, and once fulfilled, 满意 / 基本满意 / 不满意 and a comment. No
 * sign-in: the phone keeps its own random key so it evaluates once; the server limits how often an address posts.
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PLEDGE_CATEGORIES,
  PLEDGE_KINDS,
  PLEDGE_RATINGS,
  PLEDGE_STATUSES,
  type PledgeRating,
} from '@dangjian/contracts';
import { ApiError } from '../../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../../app/i18n';
import { NoteField, PhoneError } from '../../../../components/PhoneParts';
import { Lang, residentApi } from '../../../residents/wishes/phone/residentFrame';
import type { PublicPledge } from '../pledgeModel';
import './pledges-phone.css';

const KEY = 'dj-pledge-voter';

/** This phone's own random key (kept in the browser), made once. */
function voterKey(): string {
  let k = window.localStorage.getItem(KEY);
  if (!k) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    k = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    window.localStorage.setItem(KEY, k);
  }
  return k;
}

/** `/m/pledge/:token`: a published pledge and the residents' evaluation. */
export function PublicPledgePage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const qc = useQueryClient();
  const token = useParams().token ?? '';
  const q = useQuery({
    queryKey: ['public-pledge', token],
    queryFn: ({ signal }) =>
      residentApi<PublicPledge>('GET', `/api/public/pledges/${encodeURIComponent(token)}`, { signal }),
  });
  const [rating, setRating] = useState<PledgeRating>('satisfied');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  async function send(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await residentApi<PublicPledge>(
        'POST',
        `/api/public/pledges/${encodeURIComponent(token)}/evaluations`,
        {
          body: { rating, comment: comment.trim() || null, voterKey: voterKey() },
        },
      );
      qc.setQueryData(['public-pledge', token], next);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  const p = q.data;
  return (
    <div className="m-app">
      <header className="m-top">
        <h1>{t('承诺评议', 'Evaluate a pledge')}</h1>
        <Lang />
      </header>
      <main className="m-main" id="main">
        {q.isPending ? <div className="m-card m-skel" /> : null}
        {q.error ? (
          <div className="m-card m-alert error" role="alert">
            {q.error instanceof ApiError && q.error.status === 404
              ? t('没有找到这项承诺，请确认链接是否完整', 'This pledge was not found: check the link')
              : (q.error as Error).message}
          </div>
        ) : null}
        {p ? (
          <>
            <section className="m-card" data-testid="public-pledge">
              <h2>{p.title}</h2>
              <p className="m-sub">
                {[
                  p.orgName,
                  p.kind === 'org' ? null : p.memberName,
                  lbl(PLEDGE_KINDS, p.kind),
                  lbl(PLEDGE_CATEGORIES, p.category),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p>{p.content}</p>
              <p>
                <span className="m-tag">{lbl(PLEDGE_STATUSES, p.status)}</span>
              </p>
              {p.fulfilment ? (
                <p>
                  {t('践诺情况：', 'Done: ')}
                  {p.fulfilment}
                  {p.fulfilledOn ? t(`（${p.fulfilledOn}验收）`, ` (accepted ${p.fulfilledOn})`) : ''}
                </p>
              ) : null}
              <p className="m-sub" data-testid="public-pledge-ratings">
                {(['satisfied', 'fair', 'dissatisfied'] as const)
                  .map((k) => `${lbl(PLEDGE_RATINGS, k)} ${p.ratings[k]}`)
                  .join(' · ')}
              </p>
            </section>
            {done ? (
              <section className="m-card m-alert" role="status" data-testid="public-pledge-thanks">
                {t('感谢您的评价！', 'Thank you for your evaluation!')}
              </section>
            ) : p.open ? (
              <section className="m-card" aria-labelledby="public-rate">
                <h2 id="public-rate">{t('您对这项承诺的兑现满意吗？', 'Are you satisfied with how it was kept?')}</h2>
                <form onSubmit={send}>
                  <PhoneError error={error} testId="public-pledge-error" />
                  <div className="m-rating-choices" role="group" aria-label={t('评价', 'Rating')}>
                    {opts(PLEDGE_RATINGS).map((o) => (
                      <button
                        key={o.value}
                        type="button"
                        className="m-btn"
                        aria-pressed={rating === o.value}
                        onClick={() => setRating(o.value as PledgeRating)}
                        data-testid={`public-rating-${o.value}`}
                      >
                        {o.label}
                      </button>
                    ))}
                  </div>
                  <NoteField
                    id="public-comment"
                    label={t('意见建议（选填）', 'Comment (optional)')}
                    rows={3}
                    value={comment}
                    onChange={setComment}
                    max={300}
                  />
                  <button type="submit" className="m-btn primary" disabled={busy} data-testid="public-pledge-submit">
                    {busy ? t('正在提交…', 'Submitting…') : t('提交评价', 'Send')}
                  </button>
                </form>
              </section>
            ) : (
              <section className="m-card m-sub">
                {p.status === 'evaluated'
                  ? t('评议已结束，感谢关注', 'The evaluation has closed')
                  : t('承诺兑现验收后即可评议', 'You can evaluate once the pledge is fulfilled')}
              </section>
            )}
          </>
        ) : null}
      </main>
    </div>
  );
}
