/** The auditor's home: the chain check and the latest audit events, never business data. */
import { Card, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AuditRecord } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { auditActionLabel } from '@dangjian/contracts';
import { AuditActor, AuditEntity, ChainCheckCard, formatTime } from '../audit/auditShared';
import { ErrorResult } from '../../../components/States';
import { listQuery } from './listQuery';
import { HomeTable } from './HomeTable';

/** The auditor's home page. */
export default function AuditorHome() {
  const t = useT();
  const words = (l: { zh: string; en: string }) => t(l.zh, l.en);
  const q = useQuery(listQuery<AuditRecord>(['audit', 'recent'], '/api/audit', { pageSize: 15 }));
  const failed = useQuery(listQuery<AuditRecord>(['audit', 'failed'], '/api/audit', { pageSize: 1, success: false }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('审计工作台', 'Audit desk')}
      </Typography.Title>
      <ChainCheckCard />
      <Card
        size="small"
        title={t('最近审计事件', 'Recent audit events')}
        extra={<Link to="/audit">{t('查看全部', 'View all')}</Link>}
        data-testid="recent-audit"
      >
        {failed.data ? (
          <Typography.Paragraph>
            <Link to="/audit?success=false">
              {t(`失败的操作共 ${failed.data.total} 条`, `${failed.data.total} failed operations`)}
            </Link>
          </Typography.Paragraph>
        ) : null}
        {q.error ? (
          <ErrorResult error={q.error} onRetry={() => q.refetch()} />
        ) : (
          <HomeTable<AuditRecord>
            query={q}
            columns={[
              {
                title: t('时间', 'Time'),
                dataIndex: 'at',
                render: (v: string, r) => <Link to={`/audit/${r.id}`}>{formatTime(v)}</Link>,
                width: 180,
              },
              { title: t('操作人', 'Actor'), render: (_, r) => <AuditActor r={r} /> },
              { title: t('操作', 'Action'), dataIndex: 'action', render: (v: string) => words(auditActionLabel(v)) },
              { title: t('对象', 'Record'), render: (_, r) => <AuditEntity r={r} /> },
              {
                title: t('结果', 'Result'),
                dataIndex: 'success',
                render: (v: boolean) =>
                  v ? <Tag color="success">{t('成功', 'OK')}</Tag> : <Tag color="error">{t('失败', 'Failed')}</Tag>,
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
