/** The console shell: side menu by capability, org switcher, breadcrumbs, language and sign-out. */
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { Button } from 'antd';
import { FundProjectionScreenOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
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
import { WEB_MODULES } from '../areas';
import { menuOf, selectedHref } from './modules';
import { theme } from './theme';

/** One entry of the side menu, in the current language. */
export interface NavItem {
  key: string;
  href: string;
  icon: ReactNode;
  label: string;
  group?: string;
}

/** The menu entries the user may see, by capability, from the modules' manifests. */
export function menuItems(me: Me, t: (zh: string, en: string) => string): NavItem[] {
  return menuOf(WEB_MODULES, me).map((e) => ({
    key: e.href,
    href: e.href,
    icon: <e.icon />,
    label: t(e.label.zh, e.label.en),
    group: e.group ? t(e.group.zh, e.group.en) : undefined,
  }));
}

function SideNav({ items, selected }: { items: NavItem[]; selected: string | undefined }) {
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

function Crumbs({ menu }: { menu: NavItem[] }) {
  const t = useT();
  const { pathname, search } = useLocation();
  const title = useCrumbTitle();
  const names: Record<string, string> = {
    new: t('新增', 'New'),
    edit: t('编辑', 'Edit'),
    import: t('批量导入', 'Import'),
    stats: t('统计', 'Figures'),
  };
  for (const m of WEB_MODULES) for (const [k, l] of Object.entries(m.crumbs ?? {})) names[k] = t(l.zh, l.en);
  // A path the menu leads to is named as the menu names it (one name for the menu, the trail and the page).
  const menuNames = new Map(menu.filter((i) => !i.href.includes('?')).map((i) => [i.href, i.label]));
  const parts = pathname.split('/').filter(Boolean);
  const items: { href: string; text: string }[] = [{ href: '/', text: t('首页', 'Home') }];
  let href = '';
  parts.forEach((p, i) => {
    href += `/${p}`;
    const last = i === parts.length - 1;
    // A menu entry that is a view of a list (`/dues/payments?status=pending`) names that view.
    const view = last && search ? menu.find((m) => m.href === `${href}${search}`)?.label : undefined;
    // A module names a segment under its own path (`development/new`) or a segment anywhere (`letter`).
    const named = view ?? menuNames.get(href) ?? names[href.slice(1)] ?? names[p];
    // A record's page names itself (usePageCrumb); until it has, the trail says 详情 rather than its id.
    items.push({ href, text: named ?? (/^\d+$/.test(p) || last ? (title ?? t('详情', 'Details')) : p) });
  });
  // A list's recycle bin is a view of the list (`?deleted=true`).
  if (parts.length === 1 && new URLSearchParams(search).get('deleted') === 'true')
    items.push({ href: `${pathname}?deleted=true`, text: t('回收站', 'Recycle bin') });
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
        onChange={(id, name) => setOrg(id == null || id === me.orgId ? null : { id, name: name ?? '…' })}
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
    // The theme's link colour as a CSS variable: plain links (a card's title) take it, not the browser's blue.
    <div className="dj-shell" style={{ '--dj-link': theme.token?.colorLink } as CSSProperties}>
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
          {hasCap(me, 'screen.read') ? (
            // The wall screen opens in a tab of its own, for a hall's display.
            <Button
              icon={<FundProjectionScreenOutlined />}
              href="/screen"
              target="_blank"
              rel="noopener"
              data-testid="open-screen"
            >
              {t('大屏', 'Wall screen')}
            </Button>
          ) : null}
          <NotificationBell />
          <Button
            icon={<GlobalOutlined />}
            lang={other === 'en' ? 'en' : 'zh-CN'}
            onClick={() => switchLocale(other)}
            data-testid="switch-locale"
          >
            {other === 'en' ? 'English' : '中文'}
          </Button>
          <span className="dj-user" title={me.orgName ?? me.region?.name ?? ''}>
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
            <SideNav
              items={items}
              selected={selectedHref(
                items.map((i) => i.href),
                location.pathname,
                location.search,
              )}
            />
          </nav>
          {me.orgName ? (
            <div className="dj-sider-org">
              <div className="dj-muted">{t('所属组织', 'My organization')}</div>
              <div data-testid="user-org">{me.orgName}</div>
            </div>
          ) : me.region ? (
            // A region account belongs to no organization: it is the province's or prefecture's.
            <div className="dj-sider-org">
              <div className="dj-muted">{t('所属地区', 'My region')}</div>
              <div data-testid="user-org">{me.region.name}</div>
            </div>
          ) : null}
        </aside>
        <div className="dj-page">
          <Crumbs menu={items} />
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
