/** The console: antd configuration, the 401 redirect and the routes behind sign-in. */
import { Suspense, lazy, useEffect } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '../api/client';
import { useLocale } from './i18n';
import { consoleTheme } from './theme';
import { ME_KEY, useMe } from './session';
import { ApiError } from '../api/client';
import { Shell } from './Shell';
import { FeedbackMount } from '../components/feedback';
import { WEB_MODULES } from '../areas';
import { pageAllowed } from './modules';
import './console.css';

const ErrorResult = lazy(() => import('../components/States').then((m) => ({ default: m.ErrorResult })));
const NotFound = lazy(() => import('../components/States').then((m) => ({ default: m.NotFound })));
const Forbidden = lazy(() => import('../components/States').then((m) => ({ default: m.Forbidden })));
const LoginPage = lazy(() => import('../areas/core/auth/LoginPage'));
const SetPasswordCard = lazy(() =>
  import('../areas/core/auth/SetPasswordCard').then((m) => ({ default: m.SetPasswordCard })),
);
// antd's Card brings Tabs and Skeleton (48 KB gzip): only this rare screen needs it, so not the first view.
const Card = lazy(() => import('antd/es/card'));

/** A centred spinner for lazy pages. */
export function PageLoading() {
  return <div className="dj-spinner" role="status" aria-label="loading" />;
}

/** Where a 401 sends the user: the sign-in page with the reason and the way back. */
export function loginPath(code: string, next: string): string {
  const reason = code === 'auth.session_expired' ? 'expired' : 'required';
  const back = next && !next.startsWith('/login') ? `&next=${encodeURIComponent(next)}` : '';
  return `/login?reason=${reason}${back}`;
}

/** A session opened with a one-time password (e.g. after a reload): nothing but the new password until it is set. */
function SetPasswordScreen() {
  return (
    <div className="dj-login-bg">
      <main style={{ width: '100%', display: 'flex', justifyContent: 'center' }}>
        <Suspense fallback={<PageLoading />}>
          <Card className="dj-login-card" variant="borderless" styles={{ body: { padding: 32 } }}>
            <SetPasswordCard onDone={() => undefined} />
          </Card>
        </Suspense>
      </main>
    </div>
  );
}

function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.error) {
    const err = me.error;
    if (err instanceof ApiError && err.status === 401) {
      return <Navigate to={loginPath(err.code, location.pathname + location.search)} replace />;
    }
    return (
      <Suspense fallback={<PageLoading />}>
        <ErrorResult error={err} onRetry={() => me.refetch()} />
      </Suspense>
    );
  }
  if (me.data.mustChangePassword) return <SetPasswordScreen />;
  return (
    <Shell me={me.data}>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          {WEB_MODULES.flatMap((m) =>
            (m.routes ?? []).map((r) => {
              const element = pageAllowed(m, r.path, me.data) ? <r.page /> : <Forbidden />;
              return r.path ? (
                <Route key={r.path} path={r.path} element={element} />
              ) : (
                <Route key="index" index element={element} />
              );
            }),
          )}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    onUnauthorized((code) => {
      const here = window.location.pathname + window.location.search;
      if (here.startsWith('/login')) return;
      qc.removeQueries({ queryKey: ME_KEY });
      navigate(loginPath(code, here), { replace: true });
    });
    return () => onUnauthorized(null);
  }, [navigate, qc]);
  return null;
}

// Read once at start: a change of the system setting applies on the next load.
const THEME = consoleTheme();

/** The console application (everything outside `/m/`). */
export default function ConsoleApp() {
  const { locale } = useLocale();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      <UnauthorizedRedirect />
      <FeedbackMount />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/*" element={<RequireAuth />} />
        </Routes>
      </Suspense>
    </ConfigProvider>
  );
}
