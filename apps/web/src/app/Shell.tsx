/** The console shell: side menu by capability, org switcher, breadcrumbs, language and sign-out. */
import { useMemo, type ReactNode } from 'react';
import { Breadcrumb, Button, Layout, Menu, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  DeleteOutlined,
  HomeOutlined,
  ImportOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES } from '@dangjian/contracts';
import type { Me } from '../api/types';
import { useLabel, useLocale, useT } from './i18n';
import { hasCap, signOut, useSwitchLocale } from './session';
import { ScopeProvider, useScope } from './scope';
import { CrumbProvider, useCrumbTitle } from './crumbs';
import { OrgTreeSelect } from '../components/OrgTreeSelect';

const { Header, Sider, Content } = Layout;

/** The menu entries the user may see, keyed by route. */
export function menuItems(me: Me, t: (zh: string, en: string) => string) {
  const items: { key: string; icon: ReactNode; label: ReactNode; children?: { key: string; icon?: ReactNode; label: ReactNode }[] }[] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('首页', 'Home')}</Link> },
  ];
  if (hasCap(me, 'orgs.read')) items.push({ key: '/orgs', icon: <ApartmentOutlined />, label: <Link to="/orgs">{t('组织架构', 'Organizations')}</Link> });
  if (hasCap(me, 'members.read')) {
    const children = [{ key: '/members', icon: <TeamOutlined />, label: <Link to="/members">{t('党员名册', 'Member roster')}</Link> }];
    if (hasCap(me, 'members.import')) children.push({ key: '/members/import', icon: <ImportOutlined />, label: <Link to="/members/import">{t('批量导入', 'Import')}</Link> });
    if (hasCap(me, 'members.write')) children.push({ key: '/members?deleted=true', icon: <DeleteOutlined />, label: <Link to="/members?deleted=true">{t('回收站', 'Recycle bin')}</Link> });
    items.push({ key: 'members', icon: <TeamOutlined />, label: t('党员管理', 'Members'), children });
  }
  if (hasCap(me, 'audit.read')) items.push({ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('审计日志', 'Audit trail')}</Link> });
  if (hasCap(me, 'users.read')) items.push({ key: '/users', icon: <SafetyCertificateOutlined />, label: <Link to="/users">{t('账号管理', 'Accounts')}</Link> });
  return items;
}

function selectedKey(pathname: string, search: string): string {
  if (pathname.startsWith('/members/import')) return '/members/import';
  if (pathname.startsWith('/members')) return new URLSearchParams(search).get('deleted') === 'true' ? '/members?deleted=true' : '/members';
  for (const k of ['/orgs', '/audit', '/users']) if (pathname.startsWith(k)) return k;
  return '/';
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
  };
  const parts = pathname.split('/').filter(Boolean);
  const items: { title: ReactNode }[] = [{ title: <Link to="/">{t('首页', 'Home')}</Link> }];
  let href = '';
  parts.forEach((p, i) => {
    href += `/${p}`;
    const last = i === parts.length - 1;
    const text = names[p] ?? (last && title ? title : /^\d+$/.test(p) ? (title ?? `#${p}`) : p);
    items.push({ title: last ? <span aria-current="page">{text}</span> : <Link to={href}>{text}</Link> });
  });
  if (pathname === '/members' && new URLSearchParams(search).get('deleted') === 'true') items.push({ title: <span aria-current="page">{t('回收站', 'Recycle bin')}</span> });
  return <Breadcrumb items={items} style={{ margin: '12px 0' }} />;
}

function OrgSwitcher({ me }: { me: Me }) {
  const t = useT();
  const { org, setOrg } = useScope();
  return (
    <Space size={6} className="dj-switcher">
      <label htmlFor="dj-org-switcher" className="dj-header-label">
        {t('当前组织', 'Viewing')}
      </label>
      <OrgTreeSelect
        id="dj-org-switcher"
        ariaLabel={t('切换组织', 'Switch organization')}
        value={org?.id ?? me.orgId}
        valueLabel={org?.name ?? me.orgName ?? undefined}
        onChange={(id, name) => setOrg(id == null || id === me.orgId ? null : { id, name: name ?? `#${id}` })}
        style={{ width: 260 }}
      />
    </Space>
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
  const items = useMemo(() => menuItems(me, t), [me, t]);
  const showSwitcher = hasCap(me, 'orgs.read') && hasCap(me, 'members.read') && me.orgId != null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="dj-header">
        <Link to="/" className="dj-brand" aria-label={t('党建工作平台 首页', 'Party-building platform home')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('党建工作平台', 'Party Building')}</span>
        </Link>
        {showSwitcher ? <OrgSwitcher me={me} /> : null}
        <div className="dj-header-right">
          <Segmented
            size="small"
            aria-label={t('界面语言', 'Language')}
            value={locale}
            onChange={(v) => switchLocale(v as 'zh-CN' | 'en')}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Tooltip title={me.orgName ?? ''}>
            <Space size={4} className="dj-user">
              <UserOutlined aria-hidden />
              <Typography.Text strong data-testid="user-name">
                {me.displayName}
              </Typography.Text>
              <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="user-role">
                {lbl(ROLES, me.role)}
              </Tag>
            </Space>
          </Tooltip>
          <Button
            icon={<LogoutOutlined />}
            onClick={async () => {
              await signOut(qc);
              navigate('/login', { replace: true });
            }}
          >
            {t('退出', 'Sign out')}
          </Button>
        </div>
      </Header>
      <Layout>
        <Sider width={208} breakpoint="lg" collapsedWidth={0} className="dj-sider" theme="light">
          <nav aria-label={t('主菜单', 'Main menu')}>
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname, location.search)]}
              defaultOpenKeys={['members']}
              items={items}
              style={{ borderInlineEnd: 0 }}
              data-testid="main-menu"
            />
          </nav>
          {me.orgName ? (
            <div className="dj-sider-org">
              <Typography.Text type="secondary">{t('所属组织', 'My organization')}</Typography.Text>
              <div data-testid="user-org">{me.orgName}</div>
            </div>
          ) : null}
        </Sider>
        <Layout style={{ padding: '0 20px 20px' }}>
          <Crumbs />
          <Content className="dj-content" id="main">
            {children}
          </Content>
        </Layout>
      </Layout>
    </Layout>
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
