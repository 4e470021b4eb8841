/**
 * The residents' phone pages, no staff sign-in: the public wish wall (`/m/wishes`, no personal data) and the
 * resident area (`/m/resident`: phone number → 6-digit code; post a wish for a village, my wishes with
 * confirm/withdraw, my requests with a rating). No UI library.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { WISH_KINDS, WISH_STATUSES } from '@dangjian/contracts';
import { ApiError, request } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useT } from '../../../../app/i18n';
import { chinaDay, type PublicWish } from '../../requests/requestModel';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import './ResidentPages.css';
import { ResidentFrame, STATE_CLASS, residentApi } from './residentFrame';
import { RESIDENT_ME, ResidentSignIn } from './ResidentSignIn';
import { PostWish } from './PostWish';
import { MyRequests, MyWishes } from './MyResidentLists';

/** `/m/wishes`: the public wall of wishes (no names, no phone numbers). */
export function PublicWallPage() {
  const t = useT();
  const lbl = useLabel();
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['public-wishes', status, page],
    queryFn: ({ signal }) =>
      request<ListPage<PublicWish>>('GET', '/api/public/wishes', {
        query: { status: status || undefined, page, pageSize: 20 },
        signal,
        quiet401: true,
      }),
  });
  const filters: [string, string][] = [
    ['', t('全部', 'All')],
    ['open', lbl(WISH_STATUSES, 'open')],
    ['claimed', lbl(WISH_STATUSES, 'claimed')],
    ['confirmed', lbl(WISH_STATUSES, 'confirmed')],
  ];
  const pages = Math.max(1, Math.ceil((q.data?.total ?? 0) / 20));
  return (
    <ResidentFrame title={t('微心愿墙', 'Wish wall')} tab="wall">
      <section className="m-card">
        <p className="m-sub" style={{ margin: 0 }}>
          {t(
            '群众的微心愿、微建议，由党员认领帮助实现。',
            'Residents’ small wishes and suggestions, fulfilled by Party members.',
          )}
        </p>
        <Link to="/m/resident" className="m-btn primary" style={{ marginTop: 12 }} data-testid="r-post-link">
          {t('我要许愿', 'Post a wish')}
        </Link>
      </section>
      <div className="r-chips" role="group" aria-label={t('按状态筛选', 'Filter by status')}>
        {filters.map(([v, label]) => (
          <button
            key={v || 'all'}
            type="button"
            className="r-chip"
            aria-pressed={status === v}
            onClick={() => (setStatus(v), setPage(1))}
          >
            {label}
          </button>
        ))}
      </div>
      {q.isPending ? (
        <Skeleton />
      ) : q.error ? (
        <ProblemCard error={q.error} empty={t('暂无心愿', 'No wishes')} />
      ) : q.data.items.length === 0 ? (
        <div className="m-card m-empty">{t('暂无心愿', 'No wishes yet')}</div>
      ) : (
        <>
          <p className="m-sub" data-testid="r-wall-total">
            {t(`共 ${q.data.total} 条`, `${q.data.total} wishes`)}
          </p>
          <ul className="m-list">
            {q.data.items.map((w) => (
              <li key={w.id} className="m-card" data-testid="r-wall-item">
                <div className="m-meeting-top">
                  <span className="m-sub">
                    {lbl(WISH_KINDS, w.kind)} · {w.orgName}
                  </span>
                  <span className={`m-state ${STATE_CLASS[w.status] ?? ''}`}>{lbl(WISH_STATUSES, w.status)}</span>
                </div>
                <div className="m-meeting-topic">{w.title}</div>
                <p className="r-text">{w.description}</p>
                <div className="m-sub">{chinaDay(w.createdAt)}</div>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <div className="m-bar">
              <button
                type="button"
                className="m-btn m-btn-inline"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                {t('上一页', 'Previous')}
              </button>
              <span className="m-sub">
                {page} / {pages}
              </span>
              <button
                type="button"
                className="m-btn m-btn-inline"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                {t('下一页', 'Next')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </ResidentFrame>
  );
}

/** `/m/resident`: signs the resident in by phone and code, then the wish form, my wishes, my requests. */
export function ResidentPage() {
  const t = useT();
  const qc = useQueryClient();
  const me = useQuery({
    queryKey: RESIDENT_ME,
    queryFn: ({ signal }) => residentApi<{ phone: string }>('GET', '/api/public/resident/me', { signal }),
    retry: false,
  });
  const signedIn = !!me.data;
  return (
    <ResidentFrame title={t('我的心愿', 'My wishes')} tab="mine">
      {me.isPending ? (
        <Skeleton />
      ) : !signedIn ? (
        me.error && !(me.error instanceof ApiError && (me.error.status === 401 || me.error.status === 403)) ? (
          <ProblemCard error={me.error} empty="" />
        ) : (
          <ResidentSignIn />
        )
      ) : (
        <>
          <section className="m-card m-bar" style={{ marginBottom: 16 }}>
            <span data-testid="r-phone-masked">
              {t('已验证：', 'Verified: ')}
              {me.data.phone}
            </span>
            <button
              type="button"
              className="m-btn m-btn-inline"
              onClick={async () => {
                await residentApi('POST', '/api/public/resident/logout', { body: {} }).catch(() => {});
                qc.removeQueries({ queryKey: ['resident-wishes'] });
                qc.removeQueries({ queryKey: ['resident-requests'] });
                await qc.resetQueries({ queryKey: RESIDENT_ME });
              }}
            >
              {t('退出', 'Sign out')}
            </button>
          </section>
          <PostWish onPosted={() => void qc.invalidateQueries({ queryKey: ['resident-wishes'] })} />
          <MyWishes />
          <MyRequests />
        </>
      )}
    </ResidentFrame>
  );
}
