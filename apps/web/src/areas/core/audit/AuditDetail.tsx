/** One audit record in a drawer: who, when, from where, what, and the fields before and after. */
import { Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ROLES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { AuditRecord } from '../../../api/types';
import { usePageCrumb } from '../../../app/crumbs';
import { useLabel, useT } from '../../../app/i18n';
import { ErrorResult } from '../../../components/States';
import { formatTime } from './auditShared';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The drawer of an audit record (`/audit/:id`). */
export function AuditDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['audit', 'one', id],
    queryFn: ({ signal }) => api.get<AuditRecord>(`/api/audit/${id}`, undefined, signal),
  });
  usePageCrumb(`#${id}`);
  const r = q.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={620}
      title={t(`审计记录 #${id}`, `Audit record #${id}`)}
      data-testid="audit-drawer"
    >
      {q.isPending ? (
        <Skeleton active />
      ) : q.error ? (
        <ErrorResult error={q.error} />
      ) : r ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('时间', 'Time')}>{formatTime(r.at)}</Descriptions.Item>
            <Descriptions.Item label={t('操作人', 'Actor')}>
              {r.actorName ?? '—'} {r.role ? <Tag>{lbl(ROLES, r.role)}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('来源地址', 'IP')}>{r.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('操作', 'Action')}>
              <code>{r.action}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('对象', 'Entity')}>
              {r.entityType ? `${r.entityType} #${r.entityId ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('结果', 'Result')}>
              {r.success ? (
                <Tag color="success">{t('成功', 'OK')}</Tag>
              ) : (
                <Tag color="error">{t('失败', 'Failed')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('说明', 'Detail')}>{r.detail ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('变更内容', 'Changes')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="field"
            pagination={false}
            data-testid="audit-changes"
            locale={{ emptyText: t('没有字段变更', 'No field changes') }}
            dataSource={Object.entries(r.changes ?? {}).map(([field, c]) => ({
              field,
              before: c.before,
              after: c.after,
            }))}
            columns={[
              { title: t('字段', 'Field'), dataIndex: 'field', render: (v: string) => <code>{v}</code> },
              {
                title: t('修改前', 'Before'),
                dataIndex: 'before',
                render: (v: unknown) => <span style={{ color: '#a8071a', wordBreak: 'break-all' }}>{show(v)}</span>,
              },
              {
                title: t('修改后', 'After'),
                dataIndex: 'after',
                render: (v: unknown) => <span style={{ color: '#135200', wordBreak: 'break-all' }}>{show(v)}</span>,
              },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
