/** The open wishes a member may claim, on the phone. */
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { WISH_KINDS } from '@dangjian/contracts';
import { ApiError, api } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useT } from '../../../../app/i18n';
import { chinaDay, type PublicWish, type WishItem } from '../../requests/requestModel';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import '../../wishes/phone/ResidentPages.css';
import { errText } from './servicePhoneParts';
import { PhoneError } from '../../../../components/PhoneParts';

/** The open wishes, searchable, each with a claim button. */
export function OpenWishes() {
  const t = useT();
  const lbl = useLabel();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const q = useQuery({
    queryKey: ['m-open-wishes', search],
    // Members read the open wishes of their scope; when the staff list is not open to them, the public wall (no names)
    // serves.
    queryFn: async ({ signal }) => {
      try {
        return await api.get<ListPage<WishItem | PublicWish>>(
          '/api/wishes',
          { status: 'open', q: search || undefined, pageSize: 50 },
          signal,
        );
      } catch (e) {
        if (e instanceof ApiError && e.status === 403)
          return api.get<ListPage<PublicWish>>('/api/public/wishes', { status: 'open', pageSize: 50 }, signal);
        throw e;
      }
    },
  });
  async function claim(w: { id: number; title: string }) {
    setError(null);
    setDone(null);
    try {
      await api.post(`/api/wishes/${w.id}/claim`, {});
      setDone(t(`已认领「${w.title}」，请在时限内完成`, `You claimed "${w.title}"`));
      void qc.invalidateQueries({ queryKey: ['m-my-claims'] });
      await q.refetch();
    } catch (e) {
      setError(errText(e));
    }
  }
  const form = (
    <form
      className="m-bar"
      role="search"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setSearch(text.trim());
      }}
    >
      <label htmlFor="m-wish-search" className="m-sr">
        {t('搜索心愿', 'Search wishes')}
      </label>
      <input
        id="m-wish-search"
        className="m-input"
        type="search"
        placeholder={t('搜索心愿标题或内容', 'Search wishes')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="m-btn m-btn-inline">
        {t('搜索', 'Search')}
      </button>
    </form>
  );
  if (q.isPending)
    return (
      <>
        {form}
        <Skeleton />
      </>
    );
  if (q.error)
    return (
      <>
        {form}
        <ProblemCard error={q.error} empty={t('暂无待认领的心愿', 'No open wish')} />
      </>
    );
  return (
    <>
      {form}
      {done ? (
        <div className="m-alert info" role="status" data-testid="m-claimed">
          {done}
        </div>
      ) : null}
      <PhoneError error={error} />
      {q.data.items.length === 0 ? (
        <div className="m-card m-empty">{t('暂无待认领的心愿', 'No open wish')}</div>
      ) : (
        <ul className="m-list">
          {q.data.items.map((w) => (
            <li key={w.id} className="m-card" data-testid="m-open-wish">
              <div className="m-meeting-top">
                <span className="m-sub">
                  {lbl(WISH_KINDS, w.kind)} · {w.orgName}
                </span>
                <span className="m-sub">{chinaDay(w.createdAt)}</span>
              </div>
              <div className="m-meeting-topic">{w.title}</div>
              <p className="r-text">{w.description}</p>
              <button
                type="button"
                className="m-btn primary"
                onClick={() => claim(w)}
                aria-label={t(`认领 ${w.title}`, `Claim ${w.title}`)}
                data-testid="m-claim"
              >
                {t('认领', 'Claim')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
