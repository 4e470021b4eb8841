/** The account dialog: create an account (one-time password shown once) or change its name, role and organization. */
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { ADMIN_ROLES, ROLES, type Role } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { User, UserWithOneTimePassword } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { FormModal } from '../../../components/FormModal';
import { useRefreshed } from '../../../components/form/ActionModal';
import { UsernameField, useShowOneTimePassword } from './GrantsSection';
import { Field } from '../../../components/form/Field';

/** Roles the security admin sets directly; the administrator roles go through a grant. */
const DIRECT_ROLES = Object.fromEntries(
  Object.entries(ROLES).filter(([k]) => !ADMIN_ROLES.includes(k as Role)),
) as Partial<typeof ROLES>;

/** Whether the account is locked out now. */
export function isLocked(u: User): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}

/** What the account dialog edits: a new account or an existing one. */
export type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

/** The dialog that creates an account or changes its name, role and organization. */
export function UserModal({ editing, onClose }: { editing: NonNullable<Editing>; onClose: () => void }) {
  const t = useT();
  const opts = useEnumOptions();
  const refreshed = useRefreshed();
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form);
  const showOtp = useShowOneTimePassword();
  const user = editing.mode === 'create' ? null : editing.user;
  // An administrator's role and organization change only through a grant (two persons).
  const adminAccount = !!user && ADMIN_ROLES.includes(user.role);
  const roleOptions = adminAccount ? opts({ [user!.role]: ROLES[user!.role] }) : opts(DIRECT_ROLES as typeof ROLES);

  async function submit(v: Record<string, unknown>) {
    if (editing.mode === 'create') {
      const made = await api.post<UserWithOneTimePassword>('/api/users', {
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
  }

  const title =
    editing.mode === 'create'
      ? t('新建账号', 'New account')
      : t(`编辑账号：${user!.username}`, `Edit account: ${user!.username}`);
  return (
    <FormModal
      title={title}
      form={form}
      onClose={onClose}
      onSubmit={submit}
      onSaved={() => {
        refreshed(['users'], t('已保存', 'Saved'));
        onClose();
      }}
      initialValues={
        user && editing.mode === 'edit'
          ? { displayName: user.displayName, role: user.role, orgId: user.orgId, memberId: user.memberId }
          : { role: 'branch_secretary' }
      }
    >
      {editing.mode === 'create' ? <UsernameField label={t('用户名', 'User name')} /> : null}
      {editing.mode === 'create' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            '保存后系统生成一次性密码，仅显示一次；账号首次登录须修改密码。管理员角色须由县级管理员申请、安全管理员审批。',
            'A one-time password is generated and shown once; it must be changed at first sign-in. ' +
              'Administrator roles are granted by two persons (see below).',
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
        <Field
          label={t('姓名', 'Display name')}
          name="displayName"
          required={t('请输入姓名', 'Enter the name')}
          whitespace
          max={40}
        >
          <Input />
        </Field>
        <Field label={t('角色', 'Role')} name="role" required>
          <Select options={roleOptions} disabled={adminAccount} />
        </Field>
        <Field label={t('所属组织', 'Organization')} name="orgId" required={t('请选择组织', 'Choose the organization')}>
          <OrgTreeSelect valueLabel={user?.orgName ?? undefined} disabled={adminAccount} />
        </Field>
        {role === 'member' ? (
          <Field
            label={t('关联党员档案编号', 'Linked member record number')}
            name="memberId"
            required={t('党员账号必须关联党员档案', 'A member account needs a member record')}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Field>
        ) : null}
      </>
    </FormModal>
  );
}
