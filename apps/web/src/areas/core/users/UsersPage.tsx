/**
 * Accounts (security admin): list, create, disable/enable, unlock, reset to a one-time password, assign role and
 * organization; and the grants of administrator roles (the county admin proposes, the security admin decides).
 */
import { useState } from 'react';
import { Card, Typography } from 'antd';
import { ROLES } from '@dangjian/contracts';
import type { User } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { formatTime } from '../audit/auditShared';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter, selectFilter } from '../../../components/list/listParts';
import { GrantsSection } from './GrantsSection';
import { UserRowActions, UserStatusTags } from './UserRowActions';
import { type Editing, UserModal } from './UserModal';

export { strongEnough } from '../auth/SetPasswordCard';

/** The accounts page (`/users`). */
export default function UsersPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { data: me } = useMe();
  const canRead = hasCap(me, 'users.read');
  const canWrite = hasCap(me, 'users.write');
  const canGrant = hasCap(me, 'users.propose') || hasCap(me, 'users.approve');
  const [editing, setEditing] = useState<Editing>(null);

  const statuses = [
    { value: 'active', label: t('正常', 'Active') },
    { value: 'disabled', label: t('已停用', 'Disabled') },
  ];
  const columns: ListColumn<User>[] = [
    { title: t('用户名', 'User name'), dataIndex: 'username' },
    { title: t('姓名', 'Name'), dataIndex: 'displayName' },
    { title: t('角色', 'Role'), dataIndex: 'role', render: (v: string) => lbl(ROLES, v) },
    { title: t('所属组织', 'Organization'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
    {
      title: t('状态', 'Status'),
      render: (_, u) => <UserStatusTags user={u} />,
    },
    {
      title: t('最近登录', 'Last sign-in'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => formatTime(v) || '—',
    },
  ];

  if (!canRead) {
    // Named as its menu entry (管理员授权), like every page: the grants are all this user may do here.
    return (
      <Card>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('管理员授权', 'Admin grants')}
        </Typography.Title>
        {canGrant ? <GrantsSection /> : null}
      </Card>
    );
  }
  return (
    <ListPage<User>
      title={t('账号管理', 'Accounts')}
      endpoint="/api/users"
      filters={[
        searchFilter(t('搜索用户名或姓名', 'Search user name or name'), t('用户名 / 姓名', 'User name / name')),
        selectFilter('role', t('角色', 'Role'), opts(ROLES), 150),
        selectFilter('status', t('状态', 'Status'), statuses, 120),
        selectFilter('locked', t('锁定', 'Locked'), [{ value: 'true', label: t('仅看已锁定', 'Locked only') }], 120),
      ]}
      columns={columns}
      scrollX={980}
      rowActions={
        canWrite
          ? (u) => (
              <UserRowActions user={u} self={u.id === me?.id} onEdit={() => setEditing({ mode: 'edit', user: u })} />
            )
          : undefined
      }
      rowActionsWidth={200}
      actions={
        <NewButton show={canWrite} onClick={() => setEditing({ mode: 'create' })}>
          {t('新建账号', 'New account')}
        </NewButton>
      }
      total={{ text: (n) => t(`共 ${n} 个`, `${n} in all`) }}
      emptyText={t('没有符合条件的账号', 'No account matches')}
    >
      {editing ? <UserModal editing={editing} onClose={() => setEditing(null)} /> : null}
      {canGrant ? (
        <Card style={{ marginTop: 16 }}>
          <GrantsSection />
        </Card>
      ) : null}
    </ListPage>
  );
}
