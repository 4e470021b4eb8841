/** The console shell: side menu by capability, org switcher, breadcrumbs, language and sign-out. */
import { useMemo, type ReactNode } from 'react';
import { Button } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  ProfileOutlined,
  DeleteOutlined,
  HomeOutlined,
  ImportOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
  SafetyCertificateOutlined,
  GlobalOutlined,
  ContactsOutlined,
  ClusterOutlined,
  UsergroupAddOutlined,
  EnvironmentOutlined,
  MessageOutlined,
  StarOutlined,
  SolutionOutlined,
  AppstoreOutlined,
  LikeOutlined,
} from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES } from '@dangjian/contracts';
import type { Me } from '../api/types';
import { useLabel, useLocale, useT } from './i18n';
import { hasCap, signOut, useApplyUserLocale, useSwitchLocale } from './session';
import { ScopeProvider, useScope } from './scope';
import { CrumbProvider, useCrumbTitle } from './crumbs';
import { LazyOrgSwitcher } from '../components/LazyOrgSwitcher';
import { NotificationBell } from '../areas/core/notifications/NotificationBell';

/** One entry of the side menu. */
export interface NavItem {
  key: string;
  href: string;
  icon: ReactNode;
  label: string;
  group?: string;
}

/** The menu entries the user may see, by capability. */
export function menuItems(me: Me, t: (zh: string, en: string) => string): NavItem[] {
  const items: NavItem[] = [{ key: '/', href: '/', icon: <HomeOutlined />, label: t('首页', 'Home') }];
  if (hasCap(me, 'orgs.read'))
    items.push({ key: '/orgs', href: '/orgs', icon: <ApartmentOutlined />, label: t('组织架构', 'Organizations') });
  if (hasCap(me, 'members.read')) {
    const group = t('党员管理', 'Members');
    items.push({
      key: '/members',
      href: '/members',
      icon: <TeamOutlined />,
      label: t('党员名册', 'Member roster'),
      group,
    });
    if (hasCap(me, 'members.import'))
      items.push({
        key: '/members/import',
        href: '/members/import',
        icon: <ImportOutlined />,
        label: t('批量导入', 'Import'),
        group,
      });
    if (hasCap(me, 'members.write'))
      items.push({
        key: '/members?deleted=true',
        href: '/members?deleted=true',
        icon: <DeleteOutlined />,
        label: t('回收站', 'Recycle bin'),
        group,
      });
  }
  if (hasCap(me, 'meetings.read')) {
    const group = t('组织生活', 'Organizational life');
    items.push({
      key: '/meetings',
      href: '/meetings',
      icon: <CalendarOutlined />,
      label: t('会议记录', 'Meetings'),
      group,
    });
    items.push({
      key: '/compliance',
      href: '/compliance',
      icon: <FileDoneOutlined />,
      label: t('落实情况', 'Compliance'),
      group,
    });
    items.push({
      key: '/meetings/stats',
      href: '/meetings/stats',
      icon: <BarChartOutlined />,
      label: t('统计', 'Figures'),
      group,
    });
    items.push({
      key: '/meeting-rules',
      href: '/meeting-rules',
      icon: <ProfileOutlined />,
      label: t('制度要求', 'Rules'),
      group,
    });
  }
  if (hasCap(me, 'residents.read')) {
    const group = t('为民服务', 'Serving residents');
    items.push({
      key: '/households',
      href: '/households',
      icon: <ContactsOutlined />,
      label: t('户籍管理', 'Households'),
      group,
    });
    items.push({
      key: '/household-groups',
      href: '/household-groups',
      icon: <ClusterOutlined />,
      label: t('联户组', 'Household groups'),
      group,
    });
    items.push({
      key: '/pairings',
      href: '/pairings',
      icon: <UsergroupAddOutlined />,
      label: t('结对帮扶', 'Pairings'),
      group,
    });
    items.push({ key: '/visits', href: '/visits', icon: <EnvironmentOutlined />, label: t('走访', 'Visits'), group });
    items.push({
      key: '/requests',
      href: '/requests',
      icon: <MessageOutlined />,
      label: t('民情诉求', 'Requests'),
      group,
    });
    items.push({
      key: '/evaluations',
      href: '/evaluations',
      icon: <LikeOutlined />,
      label: t('三评', 'Evaluations'),
      group,
    });
    items.push({ key: '/wishes', href: '/wishes', icon: <StarOutlined />, label: t('微心愿', 'Micro-wishes'), group });
    items.push({
      key: '/errands',
      href: '/errands',
      icon: <SolutionOutlined />,
      label: t('党员代办', 'Errands'),
      group,
    });
    items.push({ key: '/zones', href: '/zones', icon: <AppstoreOutlined />, label: t('党员责任区', 'Zones'), group });
    items.push({
      key: '/service/stats',
      href: '/service/stats',
      icon: <BarChartOutlined />,
      label: t('服务统计', 'Figures'),
      group,
    });
    items.push({
      key: '/service-rules',
      href: '/service-rules',
      icon: <ProfileOutlined />,
      label: t('服务规则', 'Rules'),
      group,
    });
  }
  if (hasCap(me, 'audit.read'))
    items.push({ key: '/audit', href: '/audit', icon: <AuditOutlined />, label: t('审计日志', 'Audit trail') });
  if (hasCap(me, 'users.read'))
    items.push({
      key: '/users',
      href: '/users',
      icon: <SafetyCertificateOutlined />,
      label: t('账号管理', 'Accounts'),
    });
  else if (hasCap(me, 'users.propose'))
    items.push({
      key: '/users',
      href: '/users',
      icon: <SafetyCertificateOutlined />,
      label: t('管理员授权', 'Admin grants'),
    });
  return items;
}

function selectedKey(pathname: string, search: string): string {
  if (pathname.startsWith('/members/import')) return '/members/import';
  if (pathname.startsWith('/members'))
    return new URLSearchParams(search).get('deleted') === 'true' ? '/members?deleted=true' : '/members';
  for (const k of ['/meetings/stats', '/meetings', '/compliance', '/meeting-rules', '/orgs', '/audit', '/users'])
    if (pathname.startsWith(k)) return k;
  for (const k of [
    '/households',
    '/household-groups',
    '/pairings',
    '/visits',
    '/requests',
    '/evaluations',
    '/wishes',
    '/errands',
    '/zones',
    '/service/stats',
    '/service-rules',
  ])
    if (pathname.startsWith(k)) return k;
  return '/';
}

function SideNav({ items, selected }: { items: NavItem[]; selected: string }) {
  const out: ReactNode[] = [];
  let group: string | undefined;
  for (const it of items) {
    if (it.group && it.group !== group)
      out.push(
        <li key={`g-${it.group}`} className="dj-nav-group" aria-hidden>
          {it.group}
        </li>,
      );
    group = it.group;
    out.push(
      <li key={it.key} className={it.group ? 'dj-nav-sub' : undefined}>
        <Link to={it.href} aria-current={it.key === selected ? 'page' : undefined}>
          {it.icon}
          <span>{it.label}</span>
        </Link>
      </li>,
    );
  }
  return (
    <ul className="dj-nav" data-testid="main-menu">
      {out}
    </ul>
  );
}

function Crumbs() {
  const t = useT();
  const { pathname, search } = useLocation();
  const title = useCrumbTitle();
  const names: Record<string, string> = {
    orgs: t('组织架构', 'Organizations'),
    members: t('党员管理', 'Members'),
    audit: t('审计日志', 'Audit trail'),
    users: t('账号管理', 'Accounts'),
    new: t('新增', 'New'),
    edit: t('编辑', 'Edit'),
    import: t('批量导入', 'Import'),
    meetings: t('会议记录', 'Meetings'),
    compliance: t('落实情况', 'Compliance'),
    'meeting-rules': t('制度要求', 'Rules'),
    rules: t('规则', 'Rules'),
    stats: t('统计', 'Figures'),
    service: t('为民服务', 'Serving residents'),
    households: t('户籍管理', 'Households'),
    'household-groups': t('联户组', 'Household groups'),
    coverage: t('覆盖情况', 'Coverage'),
    pairings: t('结对帮扶', 'Pairings'),
    gaps: t('结对缺口', 'Gaps'),
    visits: t('走访', 'Visits'),
    quotas: t('走访要求落实', 'Quotas'),
    zones: t('党员责任区', 'Zones'),
    'service-rules': t('服务规则', 'Service rules'),
    requests: t('民情诉求', 'Requests'),
    evaluations: t('三评', 'Evaluations'),
    wishes: t('微心愿', 'Micro-wishes'),
    errands: t('党员代办', 'Errands'),
  };
  const parts = pathname.split('/').filter(Boolean);
  const items: { href: string; text: string }[] = [{ href: '/', text: t('首页', 'Home') }];
  let href = '';
  parts.forEach((p, i) => {
    href += `/${p}`;
    const last = i === parts.length - 1;
    items.push({ href, text: names[p] ?? (/^\d+$/.test(p) || last ? (title ?? `#${p}`) : p) });
  });
  if (pathname === '/members' && new URLSearchParams(search).get('deleted') === 'true')
    items.push({ href: '/members?deleted=true', text: t('回收站', 'Recycle bin') });
  return (
    <nav aria-label={t('面包屑', 'Breadcrumb')} className="dj-crumbs" data-testid="breadcrumbs">
      <ol>
        {items.map((it, i) => (
          <li key={it.href}>
            {i === items.length - 1 ? <span aria-current="page">{it.text}</span> : <Link to={it.href}>{it.text}</Link>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function OrgSwitcher({ me }: { me: Me }) {
  const t = useT();
  const { org, setOrg } = useScope();
  return (
    <div className="dj-switcher">
      <label htmlFor="dj-org-switcher" className="dj-header-label">
        {t('当前组织', 'Viewing')}
      </label>
      <LazyOrgSwitcher
        id="dj-org-switcher"
        ariaLabel={t('切换组织', 'Switch organization')}
        value={org?.id ?? me.orgId}
        valueLabel={org?.name ?? me.orgName ?? ''}
        onChange={(id, name) => setOrg(id == null || id === me.orgId ? null : { id, name: name ?? `#${id}` })}
      />
    </div>
  );
}

function ShellLayout({ me, children }: { me: Me; children: ReactNode }) {
  const t = useT();
  const lbl = useLabel();
  const { locale } = useLocale();
  const switchLocale = useSwitchLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  useApplyUserLocale(me);
  const items = useMemo(() => menuItems(me, t), [me, t]);
  const showSwitcher = hasCap(me, 'orgs.read') && hasCap(me, 'members.read') && me.orgId != null;
  const other = locale === 'en' ? 'zh-CN' : 'en';

  return (
    <div className="dj-shell">
      <a href="#main" className="dj-skip">
        {t('跳到主要内容', 'Skip to content')}
      </a>
      <header className="dj-header">
        <Link to="/" className="dj-brand" aria-label={t('党建工作平台 首页', 'Party-building platform home')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('党建工作平台', 'Party Building')}</span>
        </Link>
        {showSwitcher ? <OrgSwitcher me={me} /> : null}
        <div className="dj-header-right">
          <NotificationBell />
          <Button
            icon={<GlobalOutlined />}
            lang={other === 'en' ? 'en' : 'zh-CN'}
            onClick={() => switchLocale(other)}
            data-testid="switch-locale"
          >
            {other === 'en' ? 'English' : '中文'}
          </Button>
          <span className="dj-user" title={me.orgName ?? ''}>
            <UserOutlined aria-hidden />
            <strong data-testid="user-name">{me.displayName}</strong>
            <span className="dj-role" data-testid="user-role">
              {lbl(ROLES, me.role)}
            </span>
          </span>
          <Button
            icon={<LogoutOutlined />}
            onClick={async () => {
              await signOut(qc);
              navigate('/login', { replace: true });
            }}
            data-testid="sign-out"
          >
            {t('退出', 'Sign out')}
          </Button>
        </div>
      </header>
      <div className="dj-body">
        <aside className="dj-sider">
          <nav aria-label={t('主菜单', 'Main menu')}>
            <SideNav items={items} selected={selectedKey(location.pathname, location.search)} />
          </nav>
          {me.orgName ? (
            <div className="dj-sider-org">
              <div className="dj-muted">{t('所属组织', 'My organization')}</div>
              <div data-testid="user-org">{me.orgName}</div>
            </div>
          ) : null}
        </aside>
        <div className="dj-page">
          <Crumbs />
          <main className="dj-content" id="main" tabIndex={-1}>
            {children}
          </main>
        </div>
      </div>
    </div>
  );
}

/** The signed-in console frame around every page. */
export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <ScopeProvider userId={me.id}>
      <CrumbProvider>
        <ShellLayout me={me}>{children}</ShellLayout>
      </CrumbProvider>
    </ScopeProvider>
  );
}
