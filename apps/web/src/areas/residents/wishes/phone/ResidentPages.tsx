/**
 * The residents' phone pages, no staff sign-in: the public wish wall (`/m/wishes`, no personal data) and the
 * resident area (`/m/resident`: phone number → 6-digit code; post a wish for a village, my wishes with
 * confirm/withdraw, my requests with a rating). No UI library.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REQUEST_CATEGORIES, REQUEST_STATUSES, SATISFACTION, WISH_KINDS, WISH_STATUSES } from '@dangjian/contracts';
import { ApiError, messageOf, request, withQuery, type Query } from '../../../../api/client';
import type { ListPage } from '../../../../api/types';
import { useLabel, useLocale, useT } from '../../../../app/i18n';
import {
  chinaDay,
  isMobile,
  type Place,
  type PublicWish,
  type RequestItem,
  type ResidentWish,
} from '../../requests/requestModel';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import '../../../life/meetings/phone/meeting-pages.css';
import './ResidentPages.css';

/**
 * A call of the residents' API: public routes skip the session's CSRF token, so residents' writes carry
 * the custom header the server asks for instead (a cross-site form cannot set it).
 */
async function residentApi<T>(
  method: string,
  path: string,
  opts: { body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': document.documentElement.lang === 'en' ? 'en' : 'zh-CN',
    'x-requested-with': 'dangjian',
  };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', messageOf('network', '无法连接服务器，请检查网络'));
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = err?.code ?? (res.status === 401 ? 'residents.resident_required' : 'internal');
    throw new ApiError(res.status, code, messageOf(code, err?.message), err?.details, data);
  }
  return data as T;
}

const STATE_CLASS: Record<string, string> = {
  open: 'warn',
  claimed: 'warn',
  fulfilled: 'ok',
  confirmed: 'ok',
  withdrawn: 'bad',
  closed: 'ok',
  reopened: 'bad',
};

function Lang() {
  const { locale, setLocale } = useLocale();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="m-lang" lang={next === 'en' ? 'en' : 'zh-CN'} onClick={() => setLocale(next)}>
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}

/** The frame of the residents' pages: a red bar with the title, two tabs (wall, mine). */
function ResidentFrame({ title, children, tab }: { title: string; children: ReactNode; tab: 'wall' | 'mine' }) {
  const t = useT();
  return (
    <div className="m-app">
      <header className="m-top">
        <h1>{title}</h1>
        <Lang />
      </header>
      <main className="m-main" id="main">
        {children}
      </main>
      <nav className="m-tabs" aria-label={t('页面导航', 'Pages')}>
        <Link to="/m/wishes" className="m-tab" aria-current={tab === 'wall' ? 'page' : undefined}>
          {t('心愿墙', 'Wish wall')}
        </Link>
        <Link to="/m/resident" className="m-tab" aria-current={tab === 'mine' ? 'page' : undefined}>
          {t('我要许愿', 'My wishes')}
        </Link>
      </nav>
    </div>
  );
}

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

const RESIDENT_ME = ['resident-me'] as const;

/** Phone number, then the 6-digit code. */
function ResidentSignIn() {
  const t = useT();
  const qc = useQueryClient();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [wait, setWait] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (wait <= 0) return;
    const h = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(h);
  }, [wait]);

  async function sendCode(e?: FormEvent) {
    e?.preventDefault();
    if (!isMobile(phone)) return setError(t('请输入11位手机号码', 'Enter your 11-digit mobile number'));
    setBusy(true);
    setError(null);
    try {
      await residentApi('POST', '/api/public/resident/code', { body: { phone: phone.trim() } });
      setSent(true);
      setWait(60);
      setTimeout(() => codeInput.current?.focus(), 0);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  async function verify(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) return setError(t('请输入6位数字验证码', 'Enter the 6-digit code'));
    setBusy(true);
    setError(null);
    try {
      await residentApi('POST', '/api/public/resident/verify', { body: { phone: phone.trim(), code } });
      await qc.invalidateQueries({ queryKey: RESIDENT_ME });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="m-card">
      <h2>{t('验证手机号', 'Verify your phone')}</h2>
      <p className="m-sub">
        {t(
          '提交心愿、查看办理进度前，请先用手机号码接收验证码。',
          'To post a wish or follow your requests, get a code on your phone first.',
        )}
      </p>
      {error ? (
        <div className="m-alert error" role="alert" data-testid="r-error">
          {error}
        </div>
      ) : null}
      <form onSubmit={sent ? verify : sendCode} noValidate>
        <div className="m-field">
          <label htmlFor="r-phone">{t('手机号码', 'Mobile number')}</label>
          <input
            id="r-phone"
            className="m-input"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            value={phone}
            onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
          />
        </div>
        {sent ? (
          <>
            <div className="m-field">
              <label htmlFor="r-code">{t('验证码', 'Code')}</label>
              <input
                ref={codeInput}
                id="r-code"
                className="m-input m-code-input"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
            </div>
            <button className="m-btn primary" type="submit" disabled={busy} data-testid="r-verify">
              {t('验证并进入', 'Verify')}
            </button>
            <button
              className="m-btn"
              type="button"
              style={{ marginTop: 10 }}
              disabled={busy || wait > 0}
              onClick={() => sendCode()}
            >
              {wait > 0
                ? t(`${wait} 秒后可重新发送`, `Send again in ${wait}s`)
                : t('重新发送验证码', 'Send the code again')}
            </button>
          </>
        ) : (
          <button className="m-btn primary" type="submit" disabled={busy} data-testid="r-send-code">
            {t('获取验证码', 'Send me a code')}
          </button>
        )}
      </form>
    </section>
  );
}

/** The wish form: the village from the public places, kind, title, description, an optional name. */
function PostWish({ onPosted }: { onPosted: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const places = useQuery({
    queryKey: ['public-places'],
    queryFn: ({ signal }) =>
      request<Place[] | ListPage<Place>>('GET', '/api/public/places', { signal, quiet401: true }),
    staleTime: 10 * 60_000,
  });
  const list = Array.isArray(places.data) ? places.data : (places.data?.items ?? []);
  const [orgId, setOrgId] = useState('');
  const [kind, setKind] = useState('wish');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!orgId) return setError(t('请选择所在村（社区）', 'Choose your village or community'));
    if (!title.trim() || !description.trim()) return setError(t('请填写标题和内容', 'Write a title and a description'));
    setBusy(true);
    setError(null);
    try {
      await residentApi('POST', '/api/public/resident/wishes', {
        body: {
          orgId: Number(orgId),
          kind,
          title: title.trim(),
          description: description.trim(),
          name: name.trim() || undefined,
        },
      });
      setTitle('');
      setDescription('');
      setDone(true);
      onPosted();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  // Villages grouped by township, in the order the server gives them.
  const towns = [...new Set(list.map((p) => p.townshipName))];
  return (
    <section className="m-card">
      <h2>{t('我要许愿', 'Post a wish')}</h2>
      {done ? (
        <div className="m-alert info" role="status" data-testid="r-posted">
          {t('已提交，党员认领后会帮助您实现。', 'Posted. A Party member will take it up.')}
        </div>
      ) : null}
      {error ? (
        <div className="m-alert error" role="alert">
          {error}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="m-field">
          <label htmlFor="r-place">{t('所在村（社区）', 'Village or community')}</label>
          <select id="r-place" className="m-input" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
            <option value="">{places.isPending ? t('加载中…', 'Loading…') : t('请选择', 'Choose')}</option>
            {towns.map((town) => (
              <optgroup key={town} label={town}>
                {list
                  .filter((p) => p.townshipName === town)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <fieldset className="m-field r-radios">
          <legend>{t('类型', 'Kind')}</legend>
          {Object.keys(WISH_KINDS).map((k) => (
            <label key={k} className="r-radio">
              <input type="radio" name="r-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {lbl(WISH_KINDS, k)}
            </label>
          ))}
        </fieldset>
        <div className="m-field">
          <label htmlFor="r-title">{t('标题', 'Title')}</label>
          <input
            id="r-title"
            className="m-input"
            maxLength={60}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="m-field">
          <label htmlFor="r-desc">{t('内容', 'Description')}</label>
          <textarea
            id="r-desc"
            className="m-input"
            rows={4}
            maxLength={1000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <div className="m-sub" style={{ fontSize: 14 }}>
            {t(
              '请勿填写身份证号等个人信息；心愿会显示在公开心愿墙上（不显示姓名和电话）。',
              'Do not write ID numbers; the wish shows on the public wall without your name or phone.',
            )}
          </div>
        </div>
        <div className="m-field">
          <label htmlFor="r-name">{t('称呼（可不填）', 'Your name (optional)')}</label>
          <input
            id="r-name"
            className="m-input"
            maxLength={40}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button className="m-btn primary" type="submit" disabled={busy} data-testid="r-submit-wish">
          {busy ? t('正在提交…', 'Posting…') : t('提交心愿', 'Post')}
        </button>
      </form>
    </section>
  );
}

function MyWishes() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['resident-wishes'],
    queryFn: ({ signal }) =>
      residentApi<ListPage<ResidentWish> | ResidentWish[]>('GET', '/api/public/resident/wishes', {
        signal,
        query: { pageSize: 100 },
      }),
  });
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = Array.isArray(q.data) ? q.data : (q.data?.items ?? []);
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
    <section className="m-card" aria-labelledby="r-my-wishes">
      <h2 id="r-my-wishes">{t('我的心愿', 'My wishes')}</h2>
      {error ? (
        <div className="m-alert error" role="alert">
          {error}
        </div>
      ) : null}
      {q.isPending ? (
        <div className="m-skel" />
      ) : items.length === 0 ? (
        <p className="m-empty">{t('还没有提交过心愿', 'No wish yet')}</p>
      ) : (
        <ul className="m-list">
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
              {w.fulfilNote ? (
                <p className="r-text">
                  {t('完成情况：', 'Done: ')}
                  {w.fulfilNote}
                </p>
              ) : null}
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
        </ul>
      )}
    </section>
  );
}

function MyRequests() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['resident-requests'],
    queryFn: ({ signal }) =>
      residentApi<ListPage<RequestItem> | RequestItem[]>('GET', '/api/public/resident/requests', {
        signal,
        query: { pageSize: 100 },
      }),
  });
  const [error, setError] = useState<string | null>(null);
  const items = Array.isArray(q.data) ? q.data : (q.data?.items ?? []);
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
    <section className="m-card" aria-labelledby="r-my-requests">
      <h2 id="r-my-requests">{t('我反映的诉求', 'My requests')}</h2>
      {error ? (
        <div className="m-alert error" role="alert">
          {error}
        </div>
      ) : null}
      {q.isPending ? (
        <div className="m-skel" />
      ) : items.length === 0 ? (
        <p className="m-empty">{t('没有以本手机号登记的诉求', 'No request under this phone number')}</p>
      ) : (
        <ul className="m-list">
          {items.map((r) => (
            <li key={r.id} className="r-item" data-testid="r-my-request">
              <div className="m-meeting-top">
                <span className="m-sub">
                  {lbl(REQUEST_CATEGORIES, r.category)} · {chinaDay(r.acceptedAt)}
                </span>
                <span className={`m-state ${STATE_CLASS[r.status] ?? ''}`}>{lbl(REQUEST_STATUSES, r.status)}</span>
              </div>
              <p className="r-text">{r.description}</p>
              {r.result ? (
                <p className="r-text">
                  {t('办理结果：', 'Result: ')}
                  {r.result}
                </p>
              ) : null}
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
        </ul>
      )}
    </section>
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
