/** The audit trail (auditor): filters by time, actor, action, entity; detail with before/after; the chain check. */
import { useEffect, useState } from 'react';
import { Card, DatePicker, Descriptions, Drawer, Input, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ROLES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { AuditRecord, ListPage } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { ErrorResult } from '../../../components/States';
import { ChainCheckCard, formatTime } from './auditShared';

/** The kinds of records the audit trail names, with their labels. */
const ENTITY_TYPES: Record<string, { zh: string; en: string }> = {
  user: { zh: '账号', en: 'Account' },
  org: { zh: '组织', en: 'Organization' },
  member: { zh: '党员', en: 'Member' },
  member_import: { zh: '党员导入', en: 'Member import' },
  meeting: { zh: '组织生活', en: 'Meeting' },
  meeting_rule: { zh: '组织生活规则', en: 'Meeting rule' },
  rules: { zh: '规则', en: 'Rules' },
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function AuditDetail({ id, onClose }: { id: number; onClose: () => void }) {
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

/** The audit page (`/audit`, `/audit/:id` opens a record). */
export default function AuditPage() {
  const t = useT();
  const lbl = useLabel();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const filters = {
    from: get('from'),
    to: get('to'),
    actor: get('actor'),
    action: get('action'),
    entityType: get('entityType'),
    entityId: get('entityId'),
    success: get('success'),
  };
  const [actor, setActor] = useState(filters.actor ?? '');
  const [action, setAction] = useState(filters.action ?? '');
  const [entityId, setEntityId] = useState(filters.entityId ?? '');
  useEffect(() => {
    setActor(params.get('actor') ?? '');
    setAction(params.get('action') ?? '');
    setEntityId(params.get('entityId') ?? '');
  }, [params]);
  const q = useQuery({
    queryKey: ['audit', 'list', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<AuditRecord>>('/api/audit', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  function set(patch: Record<string, string | undefined | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page');
    setParams(next);
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ChainCheckCard />
      <Card>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
          {t('审计日志', 'Audit trail')}
        </Typography.Title>
        <div role="search">
          <Space wrap style={{ marginBottom: 12 }}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              aria-label={t('时间范围', 'Time range')}
              value={
                filters.from || filters.to
                  ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
                  : null
              }
              onChange={(v) => set({ from: v?.[0]?.toISOString(), to: v?.[1]?.toISOString() })}
              allowEmpty={[true, true]}
            />
            <Input.Search
              aria-label={t('操作人', 'Actor')}
              placeholder={t('操作人', 'Actor')}
              allowClear
              value={actor}
              onChange={(e) => setActor(e.target.value)}
              onSearch={(v) => set({ actor: v.trim() })}
              style={{ width: 160 }}
            />
            <Input.Search
              aria-label={t('操作', 'Action')}
              placeholder={t('操作，如 member.update', 'Action, e.g. member.update')}
              allowClear
              value={action}
              onChange={(e) => setAction(e.target.value)}
              onSearch={(v) => set({ action: v.trim() })}
              style={{ width: 220 }}
            />
            <Select
              allowClear
              aria-label={t('对象类型', 'Entity type')}
              placeholder={t('对象类型', 'Entity type')}
              style={{ width: 140 }}
              value={filters.entityType}
              onChange={(v) => set({ entityType: v })}
              options={Object.entries(ENTITY_TYPES).map(([value, l]) => ({ value, label: t(l.zh, l.en) }))}
            />
            <Input.Search
              aria-label={t('对象编号', 'Entity id')}
              placeholder={t('对象编号', 'Entity id')}
              allowClear
              value={entityId}
              onChange={(e) => setEntityId(e.target.value)}
              onSearch={(v) => set({ entityId: v.trim() })}
              style={{ width: 140 }}
            />
            <Select
              allowClear
              aria-label={t('结果', 'Result')}
              placeholder={t('结果', 'Result')}
              style={{ width: 110 }}
              value={filters.success}
              onChange={(v) => set({ success: v })}
              options={[
                { value: 'true', label: t('成功', 'OK') },
                { value: 'false', label: t('失败', 'Failed') },
              ]}
            />
          </Space>
        </div>
        {q.error ? (
          <ErrorResult error={q.error} onRetry={() => q.refetch()} />
        ) : (
          <Table<AuditRecord>
            rowKey="id"
            size="small"
            loading={q.isFetching}
            dataSource={q.data?.items ?? []}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('没有符合条件的审计记录', 'No audit record matches') }}
            pagination={{
              current: page,
              pageSize,
              total: q.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t(`共 ${n} 条`, `${n} in all`),
              onChange: (p, s) => {
                const next = new URLSearchParams(params);
                next.set('page', String(p));
                next.set('pageSize', String(s));
                setParams(next);
              },
            }}
            columns={[
              {
                title: t('时间', 'Time'),
                dataIndex: 'at',
                width: 170,
                render: (v: string, r) => (
                  <Link to={{ pathname: `/audit/${r.id}`, search: params.toString() }}>{formatTime(v)}</Link>
                ),
              },
              { title: t('操作人', 'Actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? '—' },
              { title: t('角色', 'Role'), dataIndex: 'role', render: (v: string | null) => (v ? lbl(ROLES, v) : '—') },
              { title: t('操作', 'Action'), dataIndex: 'action', render: (v: string) => <code>{v}</code> },
              {
                title: t('对象', 'Entity'),
                render: (_, r) => (r.entityType ? `${r.entityType}${r.entityId ? ` #${r.entityId}` : ''}` : '—'),
              },
              { title: 'IP', dataIndex: 'ip', width: 130 },
              {
                title: t('结果', 'Result'),
                dataIndex: 'success',
                width: 80,
                render: (v: boolean) =>
                  v ? <Tag color="success">{t('成功', 'OK')}</Tag> : <Tag color="error">{t('失败', 'Failed')}</Tag>,
              },
            ]}
          />
        )}
      </Card>
      {id ? (
        <AuditDetail id={Number(id)} onClose={() => navigate({ pathname: '/audit', search: params.toString() })} />
      ) : null}
    </Space>
  );
}
