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
import { theme } from './theme';
import { ME_KEY, useMe } from './session';
import { ApiError } from '../api/client';
import { Shell } from './Shell';
import { FeedbackMount } from '../components/feedback';
import './console.css';

const ErrorResult = lazy(() => import('../components/States').then((m) => ({ default: m.ErrorResult })));
const NotFound = lazy(() => import('../components/States').then((m) => ({ default: m.NotFound })));
const LoginPage = lazy(() => import('../modules/auth/LoginPage'));
const HomePage = lazy(() => import('../modules/home/HomePage'));
const OrgsPage = lazy(() => import('../modules/orgs/OrgsPage'));
const OrgFormPage = lazy(() => import('../modules/orgs/OrgFormPage'));
const MembersPage = lazy(() => import('../modules/members/MembersPage'));
const MemberFormPage = lazy(() => import('../modules/members/MemberFormPage'));
const ImportPage = lazy(() => import('../modules/members/ImportPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const UsersPage = lazy(() => import('../modules/users/UsersPage'));
const MeetingsPage = lazy(() => import('../modules/meetings/MeetingsPage'));
const MeetingFormPage = lazy(() => import('../modules/meetings/MeetingFormPage'));
const MeetingDetailPage = lazy(() => import('../modules/meetings/MeetingDetailPage'));
const CompliancePage = lazy(() => import('../modules/meetings/CompliancePage'));
const MeetingRulesPage = lazy(() => import('../modules/meetings/RulesPage'));
const MeetingStatsPage = lazy(() => import('../modules/meetings/StatsPage'));

/** A centred spinner for lazy pages. */
export function PageLoading() {
  return (
    <div className="dj-spinner" role="status" aria-label="loading" />
  );
}

/** Where a 401 sends the user: the sign-in page with the reason and the way back. */
export function loginPath(code: string, next: string): string {
  const reason = code === 'auth.session_expired' ? 'expired' : 'required';
  const back = next && !next.startsWith('/login') ? `&next=${encodeURIComponent(next)}` : '';
  return `/login?reason=${reason}${back}`;
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
  return (
    <Shell me={me.data}>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="orgs" element={<OrgsPage />} />
          <Route path="orgs/new" element={<OrgFormPage />} />
          <Route path="orgs/:id" element={<OrgsPage />} />
          <Route path="orgs/:id/edit" element={<OrgFormPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="members/new" element={<MemberFormPage />} />
          <Route path="members/import" element={<ImportPage />} />
          <Route path="members/:id" element={<MembersPage />} />
          <Route path="members/:id/edit" element={<MemberFormPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="audit/:id" element={<AuditPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="meetings" element={<MeetingsPage />} />
          <Route path="meetings/new" element={<MeetingFormPage />} />
          <Route path="meetings/stats" element={<MeetingStatsPage />} />
          <Route path="meetings/:id" element={<MeetingDetailPage />} />
          <Route path="meetings/:id/edit" element={<MeetingFormPage />} />
          <Route path="compliance" element={<CompliancePage />} />
          <Route path="meeting-rules" element={<MeetingRulesPage />} />
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

/** The console application (everything outside `/m/`). */
export default function ConsoleApp() {
  const { locale } = useLocale();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
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
