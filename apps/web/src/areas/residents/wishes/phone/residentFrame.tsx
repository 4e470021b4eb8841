/** The frame of the residents' phone pages (red bar, tabs, language) and their API call. */
import { type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, messageOf, withQuery, type Query } from '../../../../api/client';
import { useLocale, useT } from '../../../../app/i18n';
import '../../../life/meetings/phone/meeting-pages.css';
import './ResidentPages.css';

/**
 * A call of the residents' API: public routes skip the session's CSRF token, so residents' writes carry
 * the custom header the server asks for instead (a cross-site form cannot set it).
 */
export async function residentApi<T>(
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

export { STATE_CLASS } from '../../common/phone/servicePhoneParts';

/** The language switch of the residents' pages. */
export function Lang() {
  const { locale, setLocale } = useLocale();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="m-lang" lang={next === 'en' ? 'en' : 'zh-CN'} onClick={() => setLocale(next)}>
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}

/** The frame of the residents' pages: a red bar with the title, two tabs (wall, mine). */
export function ResidentFrame({ title, children, tab }: { title: string; children: ReactNode; tab: 'wall' | 'mine' }) {
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
