/** One audit record in a drawer: who, when (China time), from where, what, and the fields before and after in words. */
import { Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  AUDIT_FIELDS,
  auditActionLabel,
  auditFieldLabel,
  auditValueLabel,
  ERRORS,
  type Labelled,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { AuditRecord } from '../../../api/types';
import { usePageCrumb } from '../../../app/crumbs';
import { useT } from '../../../app/i18n';
import { ErrorResult } from '../../../components/States';
import { AuditActor, AuditEntity, formatTime } from './auditShared';

/** A value before or after a change, as text: an enumeration by its label, an instant in China time. */
function show(field: string, v: unknown, words: (l: Labelled) => string, names?: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '—';
  // A record pointed at by its id reads by its name (an organization, a member, a household).
  const named = names?.[`${field}:${String(v)}`];
  if (named) return named;
  if (typeof v === 'boolean') return v ? words({ zh: '是', en: 'Yes' }) : words({ zh: '否', en: 'No' });
  const label = auditValueLabel(field, v);
  if (label) return words(label);
  if (Array.isArray(v) && v.length && v.every((x) => auditValueLabel(field, x)))
    return v.map((x) => words(auditValueLabel(field, x)!)).join('、');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatTime(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * An entry's note in words: a refused write notes its error code (its message is shown), a reveal the fields it
 * showed (their names); other notes are text already.
 */
function detailWords(detail: string, words: (l: Labelled) => string): string {
  const error = (ERRORS as Record<string, Labelled>)[detail];
  if (error) return words(error);
  const fields = detail.split(',');
  if (fields.every((f) => AUDIT_FIELDS[f])) return fields.map((f) => words(auditFieldLabel(f))).join('、');
  return detail;
}

/** The drawer of an audit record (`/audit/:id`). */
export function AuditDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const words = (l: { zh: string; en: string }) => t(l.zh, l.en);
  const q = useQuery({
    queryKey: ['audit', 'one', id],
    queryFn: ({ signal }) => api.get<AuditRecord>(`/api/audit/${id}`, undefined, signal),
  });
  const r = q.data;
  usePageCrumb(r ? words(auditActionLabel(r.action)) : null);
  return (
    <Drawer
      open
      onClose={onClose}
      size={620}
      title={
        r
          ? t(`审计记录：${words(auditActionLabel(r.action))}`, `Audit record: ${words(auditActionLabel(r.action))}`)
          : t('审计记录', 'Audit record')
      }
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
              <AuditActor r={r} />
            </Descriptions.Item>
            <Descriptions.Item label={t('来源地址', 'IP')}>{r.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('操作', 'Action')}>{words(auditActionLabel(r.action))}</Descriptions.Item>
            <Descriptions.Item label={t('对象', 'Record')}>
              <AuditEntity r={r} />
            </Descriptions.Item>
            <Descriptions.Item label={t('结果', 'Result')}>
              {r.success ? (
                <Tag color="success">{t('成功', 'OK')}</Tag>
              ) : (
                <Tag color="error">{t('失败', 'Failed')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('说明', 'Detail')}>
              {r.detail ? detailWords(r.detail, words) : '—'}
            </Descriptions.Item>
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
              { title: t('字段', 'Field'), dataIndex: 'field', render: (v: string) => words(auditFieldLabel(v)) },
              {
                title: t('修改前', 'Before'),
                dataIndex: 'before',
                render: (v: unknown, c: { field: string }) => (
                  <span style={{ color: '#a8071a', wordBreak: 'break-all' }}>
                    {show(c.field, v, words, r.valueNames)}
                  </span>
                ),
              },
              {
                title: t('修改后', 'After'),
                dataIndex: 'after',
                render: (v: unknown, c: { field: string }) => (
                  <span style={{ color: '#135200', wordBreak: 'break-all' }}>
                    {show(c.field, v, words, r.valueNames)}
                  </span>
                ),
              },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
