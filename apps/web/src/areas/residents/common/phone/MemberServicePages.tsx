/**
 * The members' service pages on the phone (`/m/service?tab=open|claims|errands`): open wishes to claim,
 * my claims with fulfil (note and photo), my errands with steps and done. No UI library.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ERRAND_STATUSES, WISH_KINDS, WISH_STATUSES } from '@dangjian/contracts';
import { ApiError, api } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useT } from '../../../../app/i18n';
import {
  chinaDay,
  type ErrandDetail,
  type ErrandItem,
  type PublicWish,
  type WishItem,
} from '../../requests/requestModel';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import '../../wishes/phone/ResidentPages.css';

const STATE_CLASS: Record<string, string> = {
  open: 'warn',
  claimed: 'warn',
  fulfilled: 'ok',
  confirmed: 'ok',
  withdrawn: 'bad',
  in_progress: 'warn',
  done: 'ok',
  cancelled: 'bad',
};

/** A card on the member's home leading to the service pages. */
export function ServiceShortcut() {
  const t = useT();
  return (
    <section className="m-card" aria-label={t('为民服务', 'Serving residents')}>
      <h2>{t('为民服务', 'Serving residents')}</h2>
      <div className="r-seg">
        <Link to="/m/service?tab=open" data-testid="m-service-link">
          {t('认领心愿', 'Claim a wish')}
        </Link>
        <Link to="/m/service?tab=claims">{t('我的认领', 'My claims')}</Link>
        <Link to="/m/service?tab=errands">{t('我的代办', 'My errands')}</Link>
      </div>
    </section>
  );
}

function errText(e: unknown): string {
  return e instanceof ApiError ? e.message : String(e);
}

function OpenWishes() {
  const t = useT();
  const lbl = useLabel();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const q = useQuery({
    queryKey: ['m-open-wishes', search],
    // Members read the open wishes of their scope; when the staff list is not open to them, the public wall (no names) serves.
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
      {error ? (
        <div className="m-alert error" role="alert">
          {error}
        </div>
      ) : null}
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

function FulfilForm({ w, onDone }: { w: WishItem; onDone: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!note.trim()) return setError(t('请填写完成情况', 'Say how it was fulfilled'));
    setBusy(true);
    setError(null);
    try {
      if (file) {
        const fd = new FormData();
        fd.append('file', file);
        await api.post(`/api/wishes/${w.id}/photos`, fd);
      }
      await api.post(`/api/wishes/${w.id}/fulfil`, { note: note.trim() });
      onDone();
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      {error ? (
        <div className="m-alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="m-field">
        <label htmlFor={`m-note-${w.id}`}>{t('完成情况', 'How it was fulfilled')}</label>
        <textarea
          id={`m-note-${w.id}`}
          className="m-input"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="m-field">
        <label htmlFor={`m-photo-${w.id}`}>{t('照片（可选）', 'Photo (optional)')}</label>
        <input
          id={`m-photo-${w.id}`}
          className="r-file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="m-btn primary" disabled={busy} data-testid="m-fulfil-submit">
        {busy ? t('正在提交…', 'Submitting…') : t('提交完成情况', 'Submit')}
      </button>
    </form>
  );
}

function MyClaims() {
  const t = useT();
  const lbl = useLabel();
  const [open, setOpen] = useState<number | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['m-my-claims'],
    queryFn: ({ signal }) => api.get<ListPage<WishItem> | WishItem[]>('/api/wishes/mine', undefined, signal),
  });
  const items = Array.isArray(q.data) ? q.data : (q.data?.items ?? []);
  async function release(w: WishItem) {
    try {
      await api.post(`/api/wishes/${w.id}/release`, {});
      setMsg(t('已放弃认领', 'Released'));
      await q.refetch();
    } catch (e) {
      setMsg(errText(e));
    }
  }
  if (q.isPending) return <Skeleton />;
  if (q.error)
    return (
      <ProblemCard
        error={q.error}
        empty={t('您的账号未关联党员档案', 'Your account is not linked to a member record')}
      />
    );
  return (
    <>
      {msg ? (
        <div className="m-alert info" role="status" data-testid="m-claims-msg">
          {msg}
        </div>
      ) : null}
      {items.length === 0 ? (
        <div className="m-card m-empty">{t('还没有认领心愿', 'No claimed wish')}</div>
      ) : (
        <ul className="m-list">
          {items.map((w) => (
            <li key={w.id} className="m-card" data-testid="m-my-claim" data-status={w.status}>
              <div className="m-meeting-top">
                <span className="m-sub">{w.orgName}</span>
                <span className={`m-state ${STATE_CLASS[w.status] ?? ''}`}>{lbl(WISH_STATUSES, w.status)}</span>
              </div>
              <div className="m-meeting-topic">{w.title}</div>
              <p className="r-text">{w.description}</p>
              {w.residentName || w.phone ? (
                <div className="m-sub">{`${w.residentName ?? ''} ${w.phone ?? ''}`.trim()}</div>
              ) : null}
              {w.status === 'claimed' && w.claimDueAt ? (
                <div className="m-sub">
                  {t(`请于 ${chinaDay(w.claimDueAt)} 前完成`, `Fulfil by ${chinaDay(w.claimDueAt)}`)}
                </div>
              ) : null}
              {w.fulfilNote ? (
                <p className="r-text">
                  {t('完成情况：', 'Done: ')}
                  {w.fulfilNote}
                </p>
              ) : null}
              {w.status === 'claimed' ? (
                open === w.id ? (
                  <FulfilForm
                    w={w}
                    onDone={() => {
                      setOpen(null);
                      setMsg(t('已提交，等待群众确认', 'Submitted; awaiting the resident'));
                      void q.refetch();
                    }}
                  />
                ) : (
                  <div className="m-shortcut">
                    <button
                      type="button"
                      className="m-btn primary"
                      onClick={() => setOpen(w.id)}
                      data-testid="m-fulfil"
                    >
                      {t('完成心愿', 'Fulfil')}
                    </button>
                    <button type="button" className="m-btn" onClick={() => release(w)}>
                      {t('放弃', 'Release')}
                    </button>
                  </div>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ErrandCard({ e, onChanged }: { e: ErrandItem; onChanged: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const [expanded, setExpanded] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['m-errand', e.id],
    queryFn: ({ signal }) => api.get<ErrandDetail>(`/api/errands/${e.id}`, undefined, signal),
    enabled: expanded,
  });
  async function act(path: 'steps' | 'done') {
    if (!text.trim())
      return setError(
        path === 'done' ? t('请填写办理结果', 'Write the result') : t('请填写步骤说明', 'Write the step'),
      );
    setError(null);
    try {
      await api.post(`/api/errands/${e.id}/${path}`, path === 'done' ? { result: text.trim() } : { note: text.trim() });
      setText('');
      void detail.refetch();
      onChanged();
    } catch (err) {
      setError(errText(err));
    }
  }
  return (
    <li className="m-card" data-testid="m-errand">
      <div className="m-meeting-top">
        <span className="m-sub">
          {e.residentName}
          {e.cardNo ? ` · ${t('暖心卡', 'Card')} ${e.cardNo}` : ''}
        </span>
        <span className={`m-state ${STATE_CLASS[e.status] ?? ''}`}>{lbl(ERRAND_STATUSES, e.status)}</span>
      </div>
      <div className="m-meeting-topic">{e.title}</div>
      <div className="m-sub">
        {t('承接于', 'Taken')} {chinaDay(e.takenAt)}
        {e.doneAt ? ` · ${t('办结于', 'done')} ${chinaDay(e.doneAt)}` : ''}
      </div>
      {e.result ? (
        <p className="r-text">
          {t('结果：', 'Result: ')}
          {e.result}
        </p>
      ) : null}
      <button
        type="button"
        className="m-btn"
        style={{ marginTop: 8 }}
        aria-expanded={expanded}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? t('收起', 'Hide') : t('办理步骤', 'Steps')}
      </button>
      {expanded ? (
        <div style={{ marginTop: 8 }}>
          {detail.data?.events?.length ? (
            <ol className="m-list">
              {detail.data.events.map((ev) => (
                <li key={ev.id} className="r-item">
                  <span className="m-sub">{chinaDay(ev.at)}</span>
                  <span className="r-text">{ev.note ?? ev.kind}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="m-sub">{detail.isPending ? t('加载中…', 'Loading…') : t('暂无步骤', 'No step yet')}</p>
          )}
          {e.status === 'in_progress' ? (
            <>
              {error ? (
                <div className="m-alert error" role="alert">
                  {error}
                </div>
              ) : null}
              <div className="m-field">
                <label htmlFor={`m-step-${e.id}`}>{t('步骤说明 / 办理结果', 'Step or result')}</label>
                <textarea
                  id={`m-step-${e.id}`}
                  className="m-input"
                  rows={2}
                  maxLength={1000}
                  value={text}
                  onChange={(ev) => setText(ev.target.value)}
                />
              </div>
              <div className="m-shortcut">
                <button type="button" className="m-btn primary" onClick={() => act('done')} data-testid="m-errand-done">
                  {t('办结', 'Done')}
                </button>
                <button type="button" className="m-btn" onClick={() => act('steps')} data-testid="m-errand-step">
                  {t('记步骤', 'Add step')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function MyErrands() {
  const t = useT();
  const q = useQuery({
    queryKey: ['m-my-errands'],
    queryFn: ({ signal }) => api.get<ListPage<ErrandItem>>('/api/errands', { mine: 'true', pageSize: 50 }, signal),
  });
  if (q.isPending) return <Skeleton />;
  if (q.error)
    return (
      <ProblemCard
        error={q.error}
        empty={t('您的账号未关联党员档案', 'Your account is not linked to a member record')}
      />
    );
  return q.data.items.length === 0 ? (
    <div className="m-card m-empty">{t('还没有代办事项', 'No errand yet')}</div>
  ) : (
    <ul className="m-list">
      {q.data.items.map((e) => (
        <ErrandCard key={e.id} e={e} onChanged={() => void q.refetch()} />
      ))}
    </ul>
  );
}

/** `/m/service`: the three tabs of a member's service work. */
export function MemberServicePage() {
  const t = useT();
  const [params] = useSearchParams();
  const tab = params.get('tab') ?? 'open';
  const tabs: [string, string][] = [
    ['open', t('认领心愿', 'Claim a wish')],
    ['claims', t('我的认领', 'My claims')],
    ['errands', t('我的代办', 'My errands')],
  ];
  return (
    <>
      <nav className="r-seg" aria-label={t('为民服务', 'Serving residents')}>
        {tabs.map(([k, label]) => (
          <Link key={k} to={`/m/service?tab=${k}`} aria-current={tab === k ? 'page' : undefined} replace>
            {label}
          </Link>
        ))}
      </nav>
      {tab === 'claims' ? <MyClaims /> : tab === 'errands' ? <MyErrands /> : <OpenWishes />}
    </>
  );
}
