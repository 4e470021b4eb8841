/** The phone pages under `/m/`: sign-in, my profile, my branch. No UI library: large type, big touch targets. */
import { useEffect, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, onUnauthorized } from '../../api/client';
import type { Me } from '../../api/types';
import { useT } from '../i18n';
import { ME_KEY, signOut, useApplyUserLocale, useMe } from '../session';
import {
  CheckinPage,
  ICON_MEETINGS,
  ICON_MESSAGES,
  MessagesPage,
  MyMeetingsPage,
  UnreadBadge,
} from '../../areas/life/meetings/phone/MeetingPages';
import { Skeleton } from './parts';
import { MemberServicePage } from '../../areas/residents/common/phone/MemberServicePages';
import { PublicWallPage, ResidentPage } from '../../areas/residents/wishes/phone/ResidentPages';
import './mobile.css';
import { LangButton, loginUrl } from './mobileShared';
import { LoginPage } from './MobileLogin';
import { BranchPage, ProfilePage } from './MobileProfile';
import { phoneIcon } from '../../components/PhoneParts';
import { MyDevelopmentPage } from '../../areas/people/development/phone/MyDevelopment';
import { MyDuesPage } from '../../areas/people/dues/phone/MyDues';
import { MyPointsPage } from '../../areas/assessment/points/phone/MyPoints';
import { InspectPhonePage } from '../../areas/supervision/inspections/phone/InspectPhonePage';
import { MyPledgesPage } from '../../areas/assessment/pledges/phone/MyPledgesPage';
import { PublicPledgePage } from '../../areas/assessment/pledges/phone/PublicPledgePage';
import { MyTrainingPage } from '../../areas/life/training/phone/MyTraining';
import { MyLearningPage } from '../../areas/life/learning/phone/MyLearningPage';

const ICON_ME = phoneIcon('M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4.4 0-8 2.2-8 5v3h16v-3c0-2.8-3.6-5-8-5z');
const ICON_BRANCH = phoneIcon(
  'M12 2 2 7v2h20V7L12 2zM4 11v7h3v-7H4zm6.5 0v7h3v-7h-3zM17 11v7h3v-7h-3zM2 20v2h20v-2H2z',
);

function Frame({ me, children }: { me: Me; children: ReactNode }) {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  useApplyUserLocale(me);
  const tabs = [
    { to: '/m/', icon: ICON_ME, label: t('我的', 'Me'), match: (p: string) => p === '/m/' || p === '/m' },
    {
      to: '/m/meetings',
      icon: ICON_MEETINGS,
      label: t('会议', 'Meetings'),
      match: (p: string) => p.startsWith('/m/meetings') || p.startsWith('/m/checkin'),
    },
    {
      to: '/m/messages',
      icon: ICON_MESSAGES,
      label: t('消息', 'Messages'),
      match: (p: string) => p.startsWith('/m/messages'),
      badge: <UnreadBadge />,
    },
    {
      to: '/m/branch',
      icon: ICON_BRANCH,
      label: t('我的支部', 'My branch'),
      match: (p: string) => p.startsWith('/m/branch'),
    },
  ];
  const titles: Record<string, string> = {
    '/m/checkin': t('会议签到', 'Meeting sign-in'),
    '/m/meetings': t('我的会议', 'My meetings'),
    '/m/messages': t('我的消息', 'My messages'),
    '/m/branch': t('我的支部', 'My branch'),
    '/m/service': t('为民服务', 'Serving residents'),
    '/m/development': t('我的入党进程', 'My way into the Party'),
    '/m/dues': t('我的党费', 'My dues'),
    '/m/points': t('我的积分', 'My points'),
    '/m/inspect': t('督查记录', 'Inspection record'),
    '/m/pledges': t('我的承诺', 'My pledges'),
    '/m/learning': t('学习清单', 'Learning'),
    '/m/training': t('我的学时', 'My training hours'),
  };
  return (
    <div className="m-app">
      <header className="m-top">
        <h1>{titles[pathname.replace(/\/$/, '')] ?? t('我的', 'Me')}</h1>
        <LangButton signedIn />
        <button
          type="button"
          className="m-lang"
          onClick={async () => {
            await signOut(qc);
            navigate('/m/login', { replace: true });
          }}
        >
          {t('退出', 'Sign out')}
        </button>
      </header>
      <main className="m-main" id="main">
        {children}
        {me.role !== 'member' ? (
          <p className="m-sub" style={{ textAlign: 'center' }}>
            <a className="m-link" href="/">
              {t('打开管理后台', 'Open the console')}
            </a>
          </p>
        ) : null}
      </main>
      <nav className="m-tabs" aria-label={t('页面导航', 'Pages')}>
        {tabs.map((tab) => (
          <Link key={tab.to} to={tab.to} className="m-tab" aria-current={tab.match(pathname) ? 'page' : undefined}>
            {tab.icon}
            {tab.label}
            {tab.badge}
          </Link>
        ))}
      </nav>
    </div>
  );
}

type Page =
  | 'profile'
  | 'branch'
  | 'checkin'
  | 'meetings'
  | 'messages'
  | 'service'
  | 'development'
  | 'dues'
  | 'inspect'
  | 'points'
  | 'pledges'
  | 'training'
  | 'learning';

function Signed({ page }: { page: Page }) {
  const me = useMe({ quiet401: true });
  const location = useLocation();
  if (me.isPending)
    return (
      <div className="m-app">
        <main className="m-main">
          <Skeleton />
        </main>
      </div>
    );
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401)
      return <Navigate to={loginUrl(me.error.code, location.pathname + location.search)} replace />;
    return (
      <div className="m-app">
        <main className="m-main">
          <div className="m-card m-alert error" role="alert">
            {(me.error as Error).message}
          </div>
        </main>
      </div>
    );
  }
  // A one-time password still in force (e.g. after a reload): the console's page asks for it and a new one.
  if (me.data.mustChangePassword) {
    window.location.assign('/');
    return null;
  }
  const pages: Record<Page, ReactNode> = {
    profile: <ProfilePage me={me.data} />,
    branch: <BranchPage />,
    checkin: <CheckinPage />,
    meetings: <MyMeetingsPage />,
    messages: <MessagesPage />,
    service: <MemberServicePage />,
    development: <MyDevelopmentPage />,
    dues: <MyDuesPage />,
    points: <MyPointsPage />,
    inspect: <InspectPhonePage />,
    pledges: <MyPledgesPage />,
    training: <MyTrainingPage />,
    learning: <MyLearningPage />,
  };
  return <Frame me={me.data}>{pages[page]}</Frame>;
}

/** The phone application, mounted at `/m/*`. */
export default function MobileApp() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    onUnauthorized((code) => {
      if (window.location.pathname.startsWith('/m/login')) return;
      qc.removeQueries({ queryKey: ME_KEY });
      navigate(loginUrl(code, window.location.pathname + window.location.search), { replace: true });
    });
    return () => onUnauthorized(null);
  }, [navigate, qc]);
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route path="branch" element={<Signed page="branch" />} />
      <Route path="checkin" element={<Signed page="checkin" />} />
      <Route path="meetings" element={<Signed page="meetings" />} />
      <Route path="messages" element={<Signed page="messages" />} />
      <Route path="service" element={<Signed page="service" />} />
      <Route path="development" element={<Signed page="development" />} />
      <Route path="dues" element={<Signed page="dues" />} />
      <Route path="points" element={<Signed page="points" />} />
      <Route path="inspect" element={<Signed page="inspect" />} />
      <Route path="pledges" element={<Signed page="pledges" />} />
      <Route path="training" element={<Signed page="training" />} />
      <Route path="learning" element={<Signed page="learning" />} />
      <Route path="pledge/:token" element={<PublicPledgePage />} />
      <Route path="wishes" element={<PublicWallPage />} />
      <Route path="resident" element={<ResidentPage />} />
      <Route index element={<Signed page="profile" />} />
      <Route path="*" element={<Navigate to="/m/" replace />} />
    </Routes>
  );
}
