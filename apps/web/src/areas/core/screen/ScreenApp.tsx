/**
 * The wall screen (大屏) at `/screen`: a dark 1920×1080 page outside the console for the screens in county halls. It
 * shows the tile map and every panel `GET /api/screen` sends (a module that lands adds its own panel there), keeps a
 * China-time clock, refreshes itself every minute without a reload, and names no person: counts and org names only.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { chinaDateTime, type ScreenT } from '@dangjian/contracts';
import { ApiError, request } from '../../../api/client';
import { useLocale, useT } from '../../../app/i18n';
import { TileMap } from './TileMap';
import { ScreenPanel } from './ScreenPanel';
import { chinaClock } from './screenFormat';
import './screen.css';

/** How often the screen reads its figures again. */
const REFRESH_MS = 60_000;

function Clock() {
  const { locale } = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const c = chinaClock(now, locale);
  return (
    <div className="dj-screen-clock" data-testid="screen-clock">
      <span className="time">{c.time}</span>
      <span className="date">{c.date}</span>
    </div>
  );
}

/** Why the screen cannot show: not signed in (to the sign-in page), not allowed, outside the scope. */
function Refused({ error }: { error: Error }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 0;
  useEffect(() => {
    if (status === 401) window.location.assign(`/login?reason=required&next=${encodeURIComponent('/screen')}`);
  }, [status]);
  const text =
    status === 403
      ? t(
          '无权查看大屏：大屏供县、乡镇管理员使用',
          'You may not open the wall screen: it is for county and township admins',
        )
      : error.message;
  return (
    <main className="dj-screen dj-screen-refused" role="alert">
      <p>{text}</p>
      <p>
        {status === 403 ? null : <a href="/screen">{t('打开本级大屏', 'Open my own wall screen')}</a>}
        <a href="/">{t('返回工作台', 'Back to the console')}</a>
      </p>
    </main>
  );
}

/** The page. */
export default function ScreenApp() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const org = Number(params.get('org')) || undefined;
  const q = useQuery({
    queryKey: ['screen', org ?? null],
    queryFn: ({ signal }) => request<ScreenT>('GET', '/api/screen', { query: { org }, signal, quiet401: true }),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
    staleTime: 30_000,
    retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 3,
  });
  const [metric, setMetric] = useState<string>('');
  const data = q.data;
  const choices = useMemo(() => new Set(data?.choices.map((c) => c.id)), [data]);
  useEffect(() => {
    document.title = data ? `${data.org.name} · ${t('党建大屏', 'Wall screen')}` : t('党建大屏', 'Wall screen');
  }, [data, t]);

  if (q.error && !data) return <Refused error={q.error} />;
  if (!data)
    return (
      <main className="dj-screen dj-screen-loading">
        <p role="status">{t('大屏加载中……', 'Loading the wall screen…')}</p>
      </main>
    );

  const open = (id: number) => navigate(`/screen?org=${id}`);
  const [first, ...rest] = data.panels;
  // Panels fill the two side columns in turn: the first on the left, the next on the right, and so on.
  const left = [first, ...rest.filter((_, i) => i % 2 === 1)].filter((p) => p !== undefined);
  const right = rest.filter((_, i) => i % 2 === 0);
  const chartHeight = (n: number) => (n > 1 ? 240 : 300);
  return (
    <main className="dj-screen" data-testid="screen" lang={locale === 'en' ? 'en' : 'zh-CN'}>
      <header className="dj-screen-head">
        <div className="dj-screen-org">
          {data.choices.length > 1 ? (
            <select
              data-testid="screen-choice"
              aria-label={t('切换组织', 'Switch organization')}
              value={data.org.id}
              onChange={(e) => open(Number(e.target.value))}
            >
              {data.choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          ) : null}
          <a href="/" className="dj-screen-back">
            {t('工作台', 'Console')}
          </a>
        </div>
        <h1 data-testid="screen-title">
          {data.org.name}
          <span>{t('党建工作大屏', 'Party-building wall screen')}</span>
        </h1>
        <div className="dj-screen-when">
          <Clock />
          <span className="dj-screen-asof" data-testid="screen-asof">
            {t('数据截至', 'Data as of')} {chinaDateTime(data.asOf)}
            {q.isError ? ` · ${t('刷新失败，稍后重试', 'refresh failed, retrying')}` : ''}
          </span>
        </div>
      </header>
      <div className="dj-screen-body">
        <div className="dj-screen-col">
          {left.map((p) => (
            <ScreenPanel key={p.key} panel={p} chartHeight={chartHeight(left.length)} />
          ))}
        </div>
        <TileMap
          map={data.map}
          metric={metric || data.map.metrics[0]?.key || ''}
          onMetric={setMetric}
          canOpen={(id) => data.org.level === 'county' && choices.has(id)}
          onOpen={open}
        />
        <div className="dj-screen-col">
          {right.map((p) => (
            <ScreenPanel key={p.key} panel={p} chartHeight={chartHeight(right.length)} />
          ))}
        </div>
      </div>
    </main>
  );
}
