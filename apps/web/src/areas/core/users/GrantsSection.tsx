/**
 * 管理员角色授权: the two-person grants of administrator roles. The county admin proposes (an existing account or a
 * new one, a role, an organization); the security admin approves or rejects; nobody decides their own proposal.
 */
import { useCallback, useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ADMIN_ROLES, GRANT_STATUSES, ROLES, type RoleGrantT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer, RoleGrantDecision } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { useRefreshed } from '../../../components/form/ActionModal';
import { formatTime } from '../audit/auditShared';
import { Field } from '../../../components/form/Field';

/** Shows a one-time password once, for the administrator to hand over; it is never shown again. */
export function useShowOneTimePassword() {
  const t = useT();
  const { modal } = useFeedback();
  return useCallback(
    (username: string, password: string) =>
      modal.confirm({
        title: t(`账号 ${username} 的一次性密码`, `One-time password of ${username}`),
        content: (
          <div data-testid="one-time-password">
            <Typography.Paragraph
              copyable={{ text: password }}
              style={{ fontFamily: 'monospace', fontSize: 18, margin: '8px 0' }}
            >
              {password}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t(
                '只显示这一次。请当面或通过安全渠道交给本人；首次登录时须设置新密码。',
                'Shown only this once. Hand it over in person or by a safe channel; a new password must be set ' +
                  'at first sign-in.',
              )}
            </Typography.Paragraph>
          </div>
        ),
        okText: t('我已记下', 'I have noted it'),
        cancelButtonProps: { style: { display: 'none' } },
      }),
    [modal, t],
  );
}

const STATUS_COLOR: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'default' };

/** The user name of a new account: 3–40 letters, digits, _ . - (the account dialog and the grant proposal). */
export function UsernameField({ label }: { label: string }) {
  const t = useT();
  return (
    <Field
      label={label}
      name="username"
      required={t('请输入用户名', 'Enter a user name')}
      rules={[
        {
          pattern: /^[A-Za-z0-9_.-]{3,40}$/,
          message: t('3–40位字母、数字、下划线、点或连字符', '3–40 letters, digits, _ . -'),
        },
      ]}
    >
      <Input autoComplete="off" />
    </Field>
  );
}

function ProposeModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const refreshed = useRefreshed();
  return (
    <FormModal
      title={t('申请授予管理员角色', 'Propose an administrator role')}
      okText={t('提交申请', 'Propose')}
      onClose={onClose}
      initialValues={{ role: 'township_admin' }}
      onSubmit={(v) =>
        api.post('/api/users/grants', {
          username: (v.username as string).trim(),
          role: v.role,
          orgId: v.orgId,
          ...(v.displayName ? { displayName: v.displayName } : {}),
          ...(v.note ? { note: v.note } : {}),
        })
      }
      onSaved={() => {
        refreshed(['grants'], t('已提交，待安全管理员审批', 'Proposed; the security admin decides'));
        onClose();
      }}
    >
      <UsernameField label={t('用户名（现有账号或新账号）', 'User name (existing or new account)')} />
      <Field label={t('姓名（新账号必填）', 'Display name (for a new account)')} name="displayName" max={40}>
        <Input />
      </Field>
      <Field label={t('角色', 'Role')} name="role" required>
        <Select options={ADMIN_ROLES.map((r) => ({ value: r, label: lbl(ROLES, r) }))} />
      </Field>
      <Field label={t('所属组织', 'Organization')} name="orgId" required={t('请选择组织', 'Choose the organization')}>
        <OrgTreeSelect />
      </Field>
      <Field label={t('说明', 'Note')} name="note" max={200}>
        <Input.TextArea rows={2} />
      </Field>
    </FormModal>
  );
}

/** The grants list with the actions the caller's role allows. */
export function GrantsSection() {
  const t = useT();
  const lbl = useLabel();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const { data: me } = useMe();
  const showOtp = useShowOneTimePassword();
  const canPropose = hasCap(me, 'users.propose');
  const canApprove = hasCap(me, 'users.approve');
  const [proposing, setProposing] = useState(false);
  const [status, setStatus] = useState<string | undefined>('pending');
  const q = useQuery({
    queryKey: ['grants', status],
    queryFn: ({ signal }) => api.get<ListAnswer<RoleGrantT>>('/api/users/grants', { status, pageSize: 100 }, signal),
  });

  function decide(g: RoleGrantT, approve: boolean) {
    modal.confirm({
      title: approve
        ? t(`批准授予 ${g.username} “${lbl(ROLES, g.role)}”？`, `Grant ${g.username} the role ${lbl(ROLES, g.role)}?`)
        : t(`驳回 ${g.username} 的授权申请？`, `Reject the proposal for ${g.username}?`),
      okText: approve ? t('批准', 'Approve') : t('驳回', 'Reject'),
      okButtonProps: { danger: !approve },
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          const r = await api.post<RoleGrantDecision | RoleGrantT>(
            `/api/users/grants/${g.id}/${approve ? 'approve' : 'reject'}`,
            {},
          );
          qc.invalidateQueries({ queryKey: ['grants'] });
          qc.invalidateQueries({ queryKey: ['users'] });
          if ('oneTimePassword' in r && r.oneTimePassword) showOtp(g.username, r.oneTimePassword);
          else message.success(approve ? t('已批准', 'Approved') : t('已驳回', 'Rejected'));
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  }

  return (
    <section aria-labelledby="grants-title" style={{ marginTop: 24 }} data-testid="grants">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8, gap: 12 }}>
        <Typography.Title level={2} id="grants-title" style={{ fontSize: 18, margin: 0 }}>
          {t('管理员角色授权', 'Grants of administrator roles')}
        </Typography.Title>
        <Select
          allowClear
          size="small"
          aria-label={t('状态', 'Status')}
          placeholder={t('全部', 'All')}
          style={{ width: 120 }}
          value={status}
          onChange={(v) => setStatus(v)}
          options={Object.keys(GRANT_STATUSES).map((k) => ({ value: k, label: lbl(GRANT_STATUSES, k) }))}
        />
        {canPropose ? (
          <Button icon={<PlusOutlined />} style={{ marginLeft: 'auto' }} onClick={() => setProposing(true)}>
            {t('申请授权', 'Propose')}
          </Button>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t(
          '县级管理员、乡镇管理员、审计员、安全管理员角色须双人办理：' +
            '县级管理员提出申请，安全管理员审批；任何人不能审批自己提出的申请。',
          'County admin, township admin, auditor and security admin are granted by two persons: ' +
            'the county admin proposes, the security admin approves; nobody decides their own proposal.',
        )}
      </Typography.Paragraph>
      <Table<RoleGrantT>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('没有授权申请', 'No proposals') }}
        columns={[
          {
            title: t('账号', 'Account'),
            render: (_, g) => (
              <Space size={4}>
                {g.username}
                {g.newAccount ? <Tag>{t('新账号', 'new')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          {
            title: t('授予角色', 'Role'),
            render: (_, g) =>
              g.previousRole ? `${lbl(ROLES, g.previousRole)} → ${lbl(ROLES, g.role)}` : lbl(ROLES, g.role),
          },
          { title: t('组织', 'Organization'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
          {
            title: t('申请人', 'Proposed by'),
            render: (_, g) =>
              `${g.proposedByName ?? t('（账号已删除）', '(account removed)')} · ${formatTime(g.proposedAt)}`,
          },
          {
            title: t('状态', 'Status'),
            render: (_, g) => <Tag color={STATUS_COLOR[g.status]}>{lbl(GRANT_STATUSES, g.status)}</Tag>,
          },
          {
            title: t('审批人', 'Decided by'),
            render: (_, g) =>
              g.decidedAt
                ? `${g.decidedByName ?? t('（账号已删除）', '(account removed)')} · ${formatTime(g.decidedAt)}`
                : '—',
          },
          canApprove
            ? {
                title: t('操作', 'Actions'),
                render: (_, g) =>
                  g.status === 'pending' && g.proposedBy !== me?.id && g.userId !== me?.id ? (
                    <Space size={4}>
                      <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => decide(g, true)}>
                        {t('批准', 'Approve')}
                      </Button>
                      <Button size="small" danger icon={<CloseOutlined />} onClick={() => decide(g, false)}>
                        {t('驳回', 'Reject')}
                      </Button>
                    </Space>
                  ) : null,
              }
            : {},
        ]}
      />
      {proposing ? <ProposeModal onClose={() => setProposing(false)} /> : null}
    </section>
  );
}
