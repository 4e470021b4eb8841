/** The security admin's home: accounts and locked users, never business data. */
import { Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../../../components/feedback';
import { Link } from 'react-router';
import { ROLES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { User } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { formatTime } from '../audit/auditShared';
import { ErrorResult } from '../../../components/States';
import { listQuery } from './listQuery';
import { HomeTable } from './HomeTable';

/** The security admin's home page. */
export default function SecurityHome() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const qc = useQueryClient();
  const all = useQuery(listQuery<User>(['users', 'count-all'], '/api/users', { pageSize: 1 }));
  const disabled = useQuery(
    listQuery<User>(['users', 'count-disabled'], '/api/users', { status: 'disabled', pageSize: 1 }),
  );
  const locked = useQuery(listQuery<User>(['users', 'locked'], '/api/users', { locked: true, pageSize: 50 }));
  const grants = useQuery(
    listQuery(['grants', 'pending-count'], '/api/users/grants', { status: 'pending', pageSize: 1 }),
  );
  const cards = [
    { testId: 'stat-users', href: '/users', title: t('账号总数', 'Accounts'), q: all },
    { testId: 'stat-locked', href: '/users?locked=true', title: t('已锁定', 'Locked'), q: locked },
    { testId: 'stat-disabled', href: '/users?status=disabled', title: t('已停用', 'Disabled'), q: disabled },
    { testId: 'stat-grants', href: '/users#grants-title', title: t('待审批授权', 'Grants to decide'), q: grants },
  ];

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
        {cards.map((c) => (
          <Col key={c.testId} xs={12} md={6}>
            <Card size="small" data-testid={c.testId}>
              <Link to={c.href} style={{ color: 'inherit' }}>
                <Statistic title={c.title} value={c.q.data?.total ?? '-'} loading={c.q.isPending} />
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('被锁定的账号', 'Locked accounts')} data-testid="locked-users">
        <HomeTable<User>
          query={locked}
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
