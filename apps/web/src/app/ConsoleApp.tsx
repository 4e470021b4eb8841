/** The console: antd configuration, the 401 redirect and the routes behind sign-in. */
import { Suspense, lazy, useEffect } from 'react';
import { Card, ConfigProvider } from 'antd';
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
const LoginPage = lazy(() => import('../areas/core/auth/LoginPage'));
const SetPasswordCard = lazy(() =>
  import('../areas/core/auth/SetPasswordCard').then((m) => ({ default: m.SetPasswordCard })),
);
const HomePage = lazy(() => import('../areas/core/home/HomePage'));
const OrgsPage = lazy(() => import('../areas/core/orgs/OrgsPage'));
const OrgFormPage = lazy(() => import('../areas/core/orgs/OrgFormPage'));
const MembersPage = lazy(() => import('../areas/core/members/MembersPage'));
const MemberFormPage = lazy(() => import('../areas/core/members/MemberFormPage'));
const ImportPage = lazy(() => import('../areas/core/members/ImportPage'));
const AuditPage = lazy(() => import('../areas/core/audit/AuditPage'));
const UsersPage = lazy(() => import('../areas/core/users/UsersPage'));
const MeetingsPage = lazy(() => import('../areas/life/meetings/MeetingsPage'));
const MeetingFormPage = lazy(() => import('../areas/life/meetings/MeetingFormPage'));
const MeetingDetailPage = lazy(() => import('../areas/life/meetings/MeetingDetailPage'));
const CompliancePage = lazy(() => import('../areas/life/meetings/CompliancePage'));
const MeetingStatsPage = lazy(() => import('../areas/life/meetings/StatsPage'));
// Serving residents: requests, the three evaluations, wishes, errands, figures (H-web-2).
const RequestsPage = lazy(() => import('../areas/residents/requests/RequestsPage'));
const RequestFormPage = lazy(() => import('../areas/residents/requests/RequestFormPage'));
const RequestDetailPage = lazy(() => import('../areas/residents/requests/RequestDetailPage'));
const EvaluationsPage = lazy(() => import('../areas/residents/evaluations/EvaluationsPage'));
const WishesPage = lazy(() => import('../areas/residents/wishes/WishesPage'));
const WishDetailPage = lazy(() => import('../areas/residents/wishes/WishDetailPage'));
const ErrandsPage = lazy(() => import('../areas/residents/errands/ErrandsPage'));
const ResidentsStatsPage = lazy(() => import('../areas/residents/common/ResidentsStatsPage'));
// Serving residents: households, groups, pairings, zones, visits, rules (H-web-1).
const HouseholdsPage = lazy(() => import('../areas/residents/households/HouseholdsPage'));
const HouseholdFormPage = lazy(() => import('../areas/residents/households/HouseholdFormPage'));
const HouseholdImportPage = lazy(() => import('../areas/residents/households/HouseholdImportPage'));
const GroupsPage = lazy(() => import('../areas/residents/groups/GroupsPage'));
const GroupFormPage = lazy(() => import('../areas/residents/groups/GroupFormPage'));
const GroupCoveragePage = lazy(() => import('../areas/residents/groups/GroupCoveragePage'));
const PairingsPage = lazy(() => import('../areas/residents/pairings/PairingsPage'));
const PairingGapsPage = lazy(() => import('../areas/residents/pairings/PairingGapsPage'));
const ZonesPage = lazy(() => import('../areas/residents/zones/ZonesPage'));
const VisitsPage = lazy(() => import('../areas/residents/visits/VisitsPage'));
const VisitFormPage = lazy(() => import('../areas/residents/visits/VisitFormPage'));
const VisitQuotasPage = lazy(() => import('../areas/residents/visits/VisitQuotasPage'));
// One rules page for every rule set; the old paths of the two sets lead to it.
const RulesPage = lazy(() => import('../areas/core/rules/RulesPage'));

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
        <Card className="dj-login-card" variant="borderless" styles={{ body: { padding: 32 } }}>
          <Suspense fallback={<PageLoading />}>
            <SetPasswordCard onDone={() => undefined} />
          </Suspense>
        </Card>
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
          <Route path="meeting-rules" element={<RulesPage set="meetings" />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="requests/new" element={<RequestFormPage />} />
          <Route path="requests/:id" element={<RequestDetailPage />} />
          <Route path="evaluations" element={<EvaluationsPage />} />
          <Route path="wishes" element={<WishesPage />} />
          <Route path="wishes/:id" element={<WishDetailPage />} />
          <Route path="errands" element={<ErrandsPage />} />
          <Route path="errands/:id" element={<ErrandsPage />} />
          <Route path="service/stats" element={<ResidentsStatsPage />} />
          <Route path="households" element={<HouseholdsPage />} />
          <Route path="households/new" element={<HouseholdFormPage />} />
          <Route path="households/import" element={<HouseholdImportPage />} />
          <Route path="households/:id" element={<HouseholdsPage />} />
          <Route path="households/:id/edit" element={<HouseholdFormPage />} />
          <Route path="household-groups" element={<GroupsPage />} />
          <Route path="household-groups/new" element={<GroupFormPage />} />
          <Route path="household-groups/coverage" element={<GroupCoveragePage />} />
          <Route path="household-groups/:id" element={<GroupsPage />} />
          <Route path="household-groups/:id/edit" element={<GroupFormPage />} />
          <Route path="pairings" element={<PairingsPage />} />
          <Route path="pairings/gaps" element={<PairingGapsPage />} />
          <Route path="zones" element={<ZonesPage />} />
          <Route path="visits" element={<VisitsPage />} />
          <Route path="visits/new" element={<VisitFormPage />} />
          <Route path="visits/quotas" element={<VisitQuotasPage />} />
          <Route path="service-rules" element={<RulesPage set="residents" />} />
          <Route path="rules/:set" element={<RulesPage />} />
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
