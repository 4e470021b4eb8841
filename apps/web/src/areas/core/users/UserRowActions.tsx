/** The actions on an account row: edit, reset to a one-time password, unlock, disable or enable. */
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CheckCircleOutlined,
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { PROTECTED_ROLES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { PasswordReset, User } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { useShowOneTimePassword } from './GrantsSection';
import { isLocked } from './UserModal';

/** The buttons of one account (`self`: the signed-in user's own account, which may not be disabled). */
export function UserRowActions({ user: u, self, onEdit }: { user: User; self: boolean; onEdit: () => void }) {
  const t = useT();
  const { message, modal } = useFeedback();
  const qc = useQueryClient();
  const showOtp = useShowOneTimePassword();
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
          const r = await api.post<PasswordReset>(`/api/users/${u.id}/reset-password`, {});
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

  // The auditor's and the security admins' accounts are not the security admin's to change (三员分立).
  return PROTECTED_ROLES.includes(u.role) ? (
    <Typography.Text type="secondary">{t('不可修改', 'Not editable')}</Typography.Text>
  ) : (
    <Space size={2} wrap>
      <Tooltip title={t('编辑角色和组织', 'Edit role and organization')}>
        <Button
          size="small"
          type="text"
          aria-label={t(`编辑 ${u.username}`, `Edit ${u.username}`)}
          icon={<EditOutlined />}
          onClick={onEdit}
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
      {!self ? (
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
  );
}

/** The state of an account: active or disabled, locked, password to change. */
export function UserStatusTags({ user: u }: { user: User }) {
  const t = useT();
  return (
    <Space size={4}>
      {u.status === 'active' ? <Tag color="success">{t('正常', 'Active')}</Tag> : <Tag>{t('已停用', 'Disabled')}</Tag>}
      {isLocked(u) ? (
        <Tag color="error" icon={<LockOutlined />}>
          {t('已锁定', 'Locked')}
        </Tag>
      ) : null}
      {u.mustChangePassword ? <Tag color="warning">{t('待改密', 'Password to change')}</Tag> : null}
    </Space>
  );
}
