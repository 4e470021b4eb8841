/** The phone pages under `/m/`: sign-in, my profile, my branch. No UI library: large type, big touch targets. */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EDUCATIONS, ELECTION_STATUSES, GENDERS, MEMBER_STATUSES, ORG_TYPES, ROLES } from '@dangjian/contracts';
import { ApiError, api, messageOf, onUnauthorized } from '../../api/client';
import type { Me, Member, Org } from '../../api/types';
import { useLabel, useLocale, useT } from '../i18n';
import { ME_KEY, signOut, useApplyUserLocale, useMe, useSignIn, useSwitchLocale } from '../session';
import {
  CheckinPage,
  CheckinShortcut,
  ICON_MEETINGS,
  ICON_MESSAGES,
  MessagesPage,
  MyMeetingsPage,
  UnreadBadge,
} from '../../areas/life/meetings/phone/MeetingPages';
import { ProblemCard, Skeleton } from './parts';
import { MemberServicePage, ServiceShortcut } from '../../areas/residents/common/phone/MemberServicePages';
import { PublicWallPage, ResidentPage } from '../../areas/residents/wishes/phone/ResidentPages';
import './mobile.css';

function reasonOf(code: string): string {
  return code === 'auth.session_expired' ? 'expired' : 'required';
}

/** The sign-in page's URL that comes back to `here` (a phone page) afterwards. */
function loginUrl(code: string, here: string): string {
  const next =
    here.startsWith('/m/') && !here.startsWith('/m/login') && here !== '/m/' ? `&next=${encodeURIComponent(here)}` : '';
  return `/m/login?reason=${reasonOf(code)}${next}`;
}

/** Where to go after signing in: the `next` phone page, never another site. */
function nextOf(params: URLSearchParams): string {
  const next = params.get('next') ?? '';
  return next.startsWith('/m/') && !next.startsWith('//') ? next : '/m/';
}

function LangButton({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale } = useLocale();
  const switchLocale = useSwitchLocale();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="m-lang"
      lang={next === 'en' ? 'en' : 'zh-CN'}
      onClick={() => (signedIn ? switchLocale(next) : setLocale(next))}
    >
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}

function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = params.get('reason');
  // Signed in with a one-time password from an administrator: a new one is set before anything else.
  const [mustChange, setMustChange] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const qc = useQueryClient();

  async function setOwnPassword(e: FormEvent) {
    e.preventDefault();
    if (!newPassword || newPassword !== repeat) {
      setError(new ApiError(400, 'validation', t('两次输入的新密码不一致', 'The two new passwords differ')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { oldPassword: password, newPassword });
      qc.setQueryData(ME_KEY, await api.get<Me>('/api/auth/me'));
      navigate(nextOf(params), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(new ApiError(400, 'validation', t('请输入用户名和密码', 'Enter your user name and password')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(username.trim(), password);
      if (me.mustChangePassword) setMustChange(true);
      else navigate(nextOf(params), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="m-login">
      <header>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LangButton signedIn={false} />
        </div>
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <h1>{t('党建指尖', 'Party building')}</h1>
      </header>
      <main className="m-card" style={{ maxWidth: 480, margin: '0 auto' }}>
        <h2>{t('党员登录', 'Member sign-in')}</h2>
        {reason === 'expired' && !error ? (
          <div className="m-alert warn" role="status">
            {messageOf('auth.session_expired')}
          </div>
        ) : null}
        {reason === 'required' && !error ? (
          <div className="m-alert info" role="status">
            {messageOf('auth.required')}
          </div>
        ) : null}
        {error ? (
          <div
            className={`m-alert ${error.code === 'auth.locked' ? 'warn' : 'error'}`}
            role="alert"
            data-testid="m-login-error"
          >
            {error.message}
          </div>
        ) : null}
        {mustChange ? (
          <form onSubmit={setOwnPassword} noValidate data-testid="m-set-password">
            <h2>{t('设置新密码', 'Set a new password')}</h2>
            <p>
              {t(
                '您使用的是一次性密码，请设置只有您自己知道的新密码（至少8位，含大写字母、小写字母、数字、符号中的三类）。',
                'You used a one-time password. Set one only you know (8+ characters of 3 classes).',
              )}
            </p>
            <div className="m-field">
              <label htmlFor="m-new-password">{t('新密码', 'New password')}</label>
              <input
                id="m-new-password"
                className="m-input"
                type="password"
                autoComplete="new-password"
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
              />
            </div>
            <div className="m-field">
              <label htmlFor="m-repeat-password">{t('再次输入新密码', 'Repeat the new password')}</label>
              <input
                id="m-repeat-password"
                className="m-input"
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            </div>
            <button className="m-btn primary" type="submit" disabled={busy}>
              {t('保存并继续', 'Save and continue')}
            </button>
          </form>
        ) : (
          <form onSubmit={submit} noValidate>
            <div className="m-field">
              <label htmlFor="m-username">{t('用户名', 'User name')}</label>
              <input
                id="m-username"
                className="m-input"
                autoComplete="username"
                autoCapitalize="none"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="m-field">
              <label htmlFor="m-password">{t('密码', 'Password')}</label>
              <input
                id="m-password"
                className="m-input"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <button className="m-btn primary" type="submit" disabled={busy}>
              {busy ? t('正在登录…', 'Signing in…') : t('登录', 'Sign in')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}

function Row({ k, v }: { k: string; v: ReactNode }) {
  return (
    <div className="m-row">
      <dt>{k}</dt>
      <dd>{v ?? '—'}</dd>
    </div>
  );
}

function ProfilePage({ me }: { me: Me }) {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['me-member'],
    queryFn: ({ signal }) => api.get<Member>('/api/me/member', undefined, signal),
  });
  const m = q.data;
  return (
    <>
      <section className="m-card m-hero" aria-label={t('我的信息', 'About me')}>
        <div className="m-avatar" aria-hidden>
          {(m?.name ?? me.displayName).slice(-2, -1) || me.displayName.slice(0, 1)}
        </div>
        <div>
          <div className="m-name" data-testid="m-name">
            {m?.name ?? me.displayName}
          </div>
          <div className="m-sub">{me.orgName ?? lbl(ROLES, me.role)}</div>
          {m ? <span className="m-tag">{lbl(MEMBER_STATUSES, m.status)}</span> : null}
        </div>
      </section>
      {me.memberId ? <CheckinShortcut /> : null}
      {me.memberId ? <ServiceShortcut /> : null}
      {q.isPending ? (
        <Skeleton />
      ) : q.error ? (
        <ProblemCard
          error={q.error}
          empty={t('您的账号未关联党员档案', 'Your account is not linked to a member record')}
        />
      ) : m ? (
        <>
          <section className="m-card m-stats" aria-label={t('党龄', 'Party years')}>
            <div>
              <b>{m.partyYears}</b>
              <span>{t('党龄（年）', 'Party years')}</span>
            </div>
            <div>
              <b>{m.age}</b>
              <span>{t('年龄', 'Age')}</span>
            </div>
            <div>
              <b>{m.joinedAt.slice(0, 4)}</b>
              <span>{t('入党年份', 'Year joined')}</span>
            </div>
          </section>
          <section className="m-card">
            <h2>{t('我的档案', 'My record')}</h2>
            <dl className="m-dl">
              <Row k={t('性别', 'Sex')} v={lbl(GENDERS, m.gender)} />
              <Row k={t('出生日期', 'Born')} v={m.birthDate} />
              <Row k={t('身份证号', 'ID number')} v={m.idNumber} />
              <Row k={t('手机号', 'Phone')} v={m.phone} />
              <Row k={t('学历', 'Education')} v={lbl(EDUCATIONS, m.education) || '—'} />
              <Row k={t('所在支部', 'Branch')} v={m.orgName} />
              <Row k={t('入党时间', 'Joined')} v={m.joinedAt} />
              <Row k={t('转正时间', 'Full member since')} v={m.fullMemberAt ?? '—'} />
            </dl>
          </section>
        </>
      ) : null}
    </>
  );
}

function BranchPage() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({ queryKey: ['me-org'], queryFn: ({ signal }) => api.get<Org>('/api/me/org', undefined, signal) });
  if (q.isPending) return <Skeleton />;
  if (q.error) return <ProblemCard error={q.error} empty={t('没有找到您的支部', 'Your branch was not found')} />;
  const o = q.data;
  return (
    <>
      <section className="m-card">
        <h2 data-testid="m-branch-name">{o.name}</h2>
        <span className="m-tag">{lbl(ORG_TYPES, o.type)}</span>
        <div className="m-sub" style={{ marginTop: 8 }}>
          {o.path
            .slice(0, -1)
            .map((p) => p.name)
            .join(' / ')}
        </div>
      </section>
      <section className="m-card m-stats" aria-label={t('党员人数', 'Members')}>
        <div>
          <b>{o.memberCounts.total}</b>
          <span>{t('党员', 'Members')}</span>
        </div>
        <div>
          <b>{o.memberCounts.full}</b>
          <span>{t('正式', 'Full')}</span>
        </div>
        <div>
          <b>{o.memberCounts.probationary}</b>
          <span>{t('预备', 'Probationary')}</span>
        </div>
      </section>
      <section className="m-card">
        <h2>{t('支部班子', 'Committee')}</h2>
        <dl className="m-dl">
          <Row k={t('书记', 'Secretary')} v={o.secretary?.name ?? t('未设置', 'Not set')} />
          {o.committee
            .filter((c) => c.name !== o.secretary?.name || !/书记|secretary/i.test(c.position))
            .map((c, i) => (
              <Row key={i} k={c.position} v={c.name} />
            ))}
        </dl>
      </section>
      <section className="m-card">
        <h2>{t('届期', 'Term')}</h2>
        <dl className="m-dl">
          <Row
            k={t('本届', 'Current term')}
            v={o.termStart || o.termEnd ? `${o.termStart ?? '?'} ~ ${o.termEnd ?? '?'}` : '—'}
          />
          <Row k={t('换届状态', 'Election')} v={lbl(ELECTION_STATUSES, o.electionStatus)} />
        </dl>
      </section>
    </>
  );
}

const ICON_ME = (
  <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
    <path d="M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4.4 0-8 2.2-8 5v3h16v-3c0-2.8-3.6-5-8-5z" />
  </svg>
);
const ICON_BRANCH = (
  <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
    <path d="M12 2 2 7v2h20V7L12 2zM4 11v7h3v-7H4zm6.5 0v7h3v-7h-3zM17 11v7h3v-7h-3zM2 20v2h20v-2H2z" />
  </svg>
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

type Page = 'profile' | 'branch' | 'checkin' | 'meetings' | 'messages' | 'service';

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
      <Route path="wishes" element={<PublicWallPage />} />
      <Route path="resident" element={<ResidentPage />} />
      <Route index element={<Signed page="profile" />} />
      <Route path="*" element={<Navigate to="/m/" replace />} />
    </Routes>
  );
}
