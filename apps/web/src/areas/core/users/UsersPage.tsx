/**
 * Accounts (security admin): list, create, disable/enable, unlock, reset to a one-time password, assign role and
 * organization; and the grants of administrator roles (the county admin proposes, the security admin decides).
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  StopOutlined,
  CheckCircleOutlined,
  EditOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../../../components/feedback';
import { useSearchParams } from 'react-router';
import { ADMIN_ROLES, PROTECTED_ROLES, ROLES, type Role } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage, User } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { showFieldError } from '../../../components/formErrors';
import { formatTime } from '../audit/auditShared';
import { GrantsSection, useShowOneTimePassword } from './GrantsSection';

export { strongEnough } from '../auth/SetPasswordCard';

/** Roles the security admin sets directly; the administrator roles go through a grant. */
const DIRECT_ROLES = Object.fromEntries(
  Object.entries(ROLES).filter(([k]) => !ADMIN_ROLES.includes(k as Role)),
) as Partial<typeof ROLES>;

function isLocked(u: User): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

function UserModal({ editing, onClose }: { editing: NonNullable<Editing>; onClose: () => void }) {
  const t = useT();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const showOtp = useShowOneTimePassword();
  const user = editing.mode === 'create' ? null : editing.user;
  // An administrator's role and organization change only through a grant (two persons).
  const adminAccount = !!user && ADMIN_ROLES.includes(user.role);
  const roleOptions = adminAccount ? opts({ [user!.role]: ROLES[user!.role] }) : opts(DIRECT_ROLES as typeof ROLES);

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      if (editing.mode === 'create') {
        const made = await api.post<{ user: User; oneTimePassword: string }>('/api/users', {
          ...v,
          ...(v.memberId ? { memberId: v.memberId } : {}),
        });
        showOtp(made.user.username, made.oneTimePassword);
      } else {
        await api.patch(
          `/api/users/${user!.id}`,
          adminAccount
            ? { displayName: v.displayName }
            : {
                displayName: v.displayName,
                role: v.role,
                orgId: v.orgId,
                ...(v.role === 'member' && v.memberId ? { memberId: v.memberId } : {}),
              },
        );
      }
      message.success(t('已保存', 'Saved'));
      qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      if (!showFieldError(form, e)) setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const title =
    editing.mode === 'create'
      ? t('新建账号', 'New account')
      : t(`编辑账号：${user!.username}`, `Edit account: ${user!.username}`);
  return (
    <Modal
      open
      title={title}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          user && editing.mode === 'edit'
            ? { displayName: user.displayName, role: user.role, orgId: user.orgId, memberId: user.memberId }
            : { role: 'branch_secretary' }
        }
      >
        {editing.mode === 'create' ? (
          <Form.Item
            label={t('用户名', 'User name')}
            name="username"
            rules={[
              { required: true, message: t('请输入用户名', 'Enter a user name') },
              {
                pattern: /^[A-Za-z0-9_.-]{3,40}$/,
                message: t('3–40位字母、数字、下划线、点或连字符', '3–40 letters, digits, _ . -'),
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        {editing.mode === 'create' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(
              '保存后系统生成一次性密码，仅显示一次；账号首次登录须修改密码。管理员角色须由县级管理员申请、安全管理员审批。',
              'A one-time password is generated and shown once; it must be changed at first sign-in. Administrator roles are granted by two persons (see below).',
            )}
          />
        ) : null}
        {adminAccount ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(
              '管理员的角色和组织须通过授权申请变更。',
              'An administrator’s role and organization change through a grant.',
            )}
          />
        ) : null}
        <>
          <Form.Item
            label={t('姓名', 'Display name')}
            name="displayName"
            rules={[{ required: true, whitespace: true, message: t('请输入姓名', 'Enter the name') }, { max: 40 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label={t('角色', 'Role')} name="role" rules={[{ required: true }]}>
            <Select options={roleOptions} disabled={adminAccount} />
          </Form.Item>
          <Form.Item
            label={t('所属组织', 'Organization')}
            name="orgId"
            rules={[{ required: true, message: t('请选择组织', 'Choose the organization') }]}
          >
            <OrgTreeSelect valueLabel={user?.orgName ?? undefined} disabled={adminAccount} />
          </Form.Item>
          {role === 'member' ? (
            <Form.Item
              label={t('关联党员档案编号', 'Linked member record number')}
              name="memberId"
              rules={[
                { required: true, message: t('党员账号必须关联党员档案', 'A member account needs a member record') },
              ]}
            >
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
        </>
      </Form>
    </Modal>
  );
}

/** The accounts page (`/users`). */
export default function UsersPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { message, modal } = useFeedback();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const showOtp = useShowOneTimePassword();
  const canRead = hasCap(me, 'users.read');
  const canWrite = hasCap(me, 'users.write');
  const canGrant = hasCap(me, 'users.propose') || hasCap(me, 'users.approve');
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Editing>(null);
  const [text, setText] = useState(params.get('q') ?? '');
  const filters = {
    q: params.get('q') ?? undefined,
    role: params.get('role') ?? undefined,
    status: params.get('status') ?? undefined,
    locked: params.get('locked') ?? undefined,
  };
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const q = useQuery({
    queryKey: ['users', 'list', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<User>>('/api/users', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });

  function set(k: string, v?: string | null) {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  }

  async function act(fn: () => Promise<unknown>, ok: string) {
    try {
      await fn();
      message.success(ok);
      qc.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  function reset(u: User) {
    modal.confirm({
      title: t(`重置 ${u.username} 的密码？`, `Reset the password of ${u.username}?`),
      content: t(
        '系统生成一次性密码并结束该账号的所有会话；账号下次登录须修改密码。',
        'A one-time password is generated and all its sessions end; it must be changed at the next sign-in.',
      ),
      okText: t('重置', 'Reset'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          const r = await api.post<{ oneTimePassword: string }>(`/api/users/${u.id}/reset-password`, {});
          qc.invalidateQueries({ queryKey: ['users'] });
          showOtp(u.username, r.oneTimePassword);
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  }

  function toggle(u: User) {
    const disabling = u.status === 'active';
    modal.confirm({
      title: disabling
        ? t(`停用账号 ${u.username}？`, `Disable ${u.username}?`)
        : t(`启用账号 ${u.username}？`, `Enable ${u.username}?`),
      content: disabling ? t('停用后该账号的所有会话立即结束。', 'All its sessions end at once.') : undefined,
      okText: disabling ? t('停用', 'Disable') : t('启用', 'Enable'),
      cancelText: t('取消', 'Cancel'),
      okButtonProps: { danger: disabling },
      onOk: () =>
        act(
          () => api.patch(`/api/users/${u.id}`, { status: disabling ? 'disabled' : 'active' }),
          disabling ? t('已停用', 'Disabled') : t('已启用', 'Enabled'),
        ),
    });
  }

  if (!canRead) {
    return <Card>{canGrant ? <GrantsSection /> : null}</Card>;
  }
  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('账号管理', 'Accounts')}
        </Typography.Title>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            style={{ marginLeft: 'auto' }}
            onClick={() => setEditing({ mode: 'create' })}
          >
            {t('新建账号', 'New account')}
          </Button>
        ) : null}
      </div>
      <div role="search">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('搜索用户名或姓名', 'Search user name or name')}
            placeholder={t('用户名 / 姓名', 'User name / name')}
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set('q', v.trim())}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            aria-label={t('角色', 'Role')}
            placeholder={t('角色', 'Role')}
            style={{ width: 150 }}
            value={filters.role}
            options={opts(ROLES)}
            onChange={(v) => set('role', v)}
          />
          <Select
            allowClear
            aria-label={t('状态', 'Status')}
            placeholder={t('状态', 'Status')}
            style={{ width: 120 }}
            value={filters.status}
            onChange={(v) => set('status', v)}
            options={[
              { value: 'active', label: t('正常', 'Active') },
              { value: 'disabled', label: t('已停用', 'Disabled') },
            ]}
          />
          <Select
            allowClear
            aria-label={t('锁定', 'Locked')}
            placeholder={t('锁定', 'Locked')}
            style={{ width: 120 }}
            value={filters.locked}
            onChange={(v) => set('locked', v)}
            options={[{ value: 'true', label: t('仅看已锁定', 'Locked only') }]}
          />
        </Space>
      </div>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 980 }}
        locale={{ emptyText: t('没有符合条件的账号', 'No account matches') }}
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total ?? 0,
          showTotal: (n) => t(`共 ${n} 个`, `${n} in all`),
          onChange: (p, s) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            next.set('pageSize', String(s));
            setParams(next);
          },
        }}
        columns={[
          { title: t('用户名', 'User name'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (v: string) => lbl(ROLES, v) },
          { title: t('所属组织', 'Organization'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
          {
            title: t('状态', 'Status'),
            render: (_, u) => (
              <Space size={4}>
                {u.status === 'active' ? (
                  <Tag color="success">{t('正常', 'Active')}</Tag>
                ) : (
                  <Tag>{t('已停用', 'Disabled')}</Tag>
                )}
                {isLocked(u) ? (
                  <Tag color="error" icon={<LockOutlined />}>
                    {t('已锁定', 'Locked')}
                  </Tag>
                ) : null}
                {u.mustChangePassword ? <Tag color="warning">{t('待改密', 'Password to change')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('最近登录', 'Last sign-in'),
            dataIndex: 'lastLoginAt',
            render: (v: string | null) => formatTime(v) || '—',
          },
          canWrite
            ? {
                title: t('操作', 'Actions'),
                // The auditor's and the security admins' accounts are not the security admin's to change (三员分立).
                render: (_, u) =>
                  PROTECTED_ROLES.includes(u.role) ? (
                    <Typography.Text type="secondary">{t('不可修改', 'Not editable')}</Typography.Text>
                  ) : (
                    <Space size={2} wrap>
                      <Tooltip title={t('编辑角色和组织', 'Edit role and organization')}>
                        <Button
                          size="small"
                          type="text"
                          aria-label={t(`编辑 ${u.username}`, `Edit ${u.username}`)}
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ mode: 'edit', user: u })}
                        />
                      </Tooltip>
                      <Tooltip title={t('重置密码', 'Reset password')}>
                        <Button
                          size="small"
                          type="text"
                          aria-label={t(`重置 ${u.username} 的密码`, `Reset password of ${u.username}`)}
                          icon={<KeyOutlined />}
                          onClick={() => reset(u)}
                        />
                      </Tooltip>
                      {isLocked(u) ? (
                        <Tooltip title={t('解锁', 'Unlock')}>
                          <Button
                            size="small"
                            type="text"
                            aria-label={t(`解锁 ${u.username}`, `Unlock ${u.username}`)}
                            icon={<UnlockOutlined />}
                            onClick={() => act(() => api.post(`/api/users/${u.id}/unlock`), t('已解锁', 'Unlocked'))}
                          />
                        </Tooltip>
                      ) : null}
                      {u.id !== me?.id ? (
                        <Tooltip title={u.status === 'active' ? t('停用', 'Disable') : t('启用', 'Enable')}>
                          <Button
                            size="small"
                            type="text"
                            danger={u.status === 'active'}
                            aria-label={
                              u.status === 'active'
                                ? t(`停用 ${u.username}`, `Disable ${u.username}`)
                                : t(`启用 ${u.username}`, `Enable ${u.username}`)
                            }
                            icon={u.status === 'active' ? <StopOutlined /> : <CheckCircleOutlined />}
                            onClick={() => toggle(u)}
                          />
                        </Tooltip>
                      ) : null}
                    </Space>
                  ),
              }
            : {},
        ]}
      />
      {editing ? <UserModal editing={editing} onClose={() => setEditing(null)} /> : null}
      {canGrant ? <GrantsSection /> : null}
    </Card>
  );
}
