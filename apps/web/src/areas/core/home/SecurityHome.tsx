/** The security admin's home: accounts and locked users, never business data. */
import { Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../../../components/feedback';
import { Link } from 'react-router';
import { ROLES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer, User } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { formatTime } from '../audit/auditShared';
import { ErrorResult } from '../../../components/States';

/** The security admin's home page. */
export default function SecurityHome() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const qc = useQueryClient();
  const all = useQuery({
    queryKey: ['users', 'count-all'],
    queryFn: ({ signal }) => api.get<ListAnswer<User>>('/api/users', { pageSize: 1 }, signal),
  });
  const disabled = useQuery({
    queryKey: ['users', 'count-disabled'],
    queryFn: ({ signal }) => api.get<ListAnswer<User>>('/api/users', { status: 'disabled', pageSize: 1 }, signal),
  });
  const locked = useQuery({
    queryKey: ['users', 'locked'],
    queryFn: ({ signal }) => api.get<ListAnswer<User>>('/api/users', { locked: true, pageSize: 50 }, signal),
  });
  const grants = useQuery({
    queryKey: ['grants', 'pending-count'],
    queryFn: ({ signal }) =>
      api.get<ListAnswer<unknown>>('/api/users/grants', { status: 'pending', pageSize: 1 }, signal),
  });

  async function unlock(u: User) {
    try {
      await api.post(`/api/users/${u.id}/unlock`);
      message.success(t(`已解锁 ${u.username}`, `${u.username} unlocked`));
      qc.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  if (all.error) return <ErrorResult error={all.error} onRetry={() => all.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('账号安全工作台', 'Account security desk')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="stat-users">
            <Link to="/users" style={{ color: 'inherit' }}>
              <Statistic title={t('账号总数', 'Accounts')} value={all.data?.total ?? '-'} loading={all.isPending} />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="stat-locked">
            <Link to="/users?locked=true" style={{ color: 'inherit' }}>
              <Statistic title={t('已锁定', 'Locked')} value={locked.data?.total ?? '-'} loading={locked.isPending} />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="stat-disabled">
            <Link to="/users?status=disabled" style={{ color: 'inherit' }}>
              <Statistic
                title={t('已停用', 'Disabled')}
                value={disabled.data?.total ?? '-'}
                loading={disabled.isPending}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="stat-grants">
            <Link to="/users#grants-title" style={{ color: 'inherit' }}>
              <Statistic
                title={t('待审批授权', 'Grants to decide')}
                value={grants.data?.total ?? '-'}
                loading={grants.isPending}
              />
            </Link>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('被锁定的账号', 'Locked accounts')} data-testid="locked-users">
        <Table<User>
          size="small"
          rowKey="id"
          loading={locked.isPending}
          dataSource={locked.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('当前没有被锁定的账号', 'No account is locked') }}
          columns={[
            { title: t('用户名', 'User name'), dataIndex: 'username' },
            { title: t('姓名', 'Name'), dataIndex: 'displayName' },
            { title: t('角色', 'Role'), dataIndex: 'role', render: (v: string) => lbl(ROLES, v) },
            { title: t('组织', 'Organization'), dataIndex: 'orgName' },
            { title: t('锁定至', 'Locked until'), dataIndex: 'lockedUntil', render: (v: string) => formatTime(v) },
            {
              title: t('操作', 'Actions'),
              render: (_, u) => (
                <Button size="small" onClick={() => unlock(u)}>
                  {t('解锁', 'Unlock')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
