/** The requests (民情诉求, `/requests`): handling or accepted view, filters, overdue rows in red, paging, recycle bin. */
import { useEffect, useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_LEVELS,
  REQUEST_STATUSES,
  SATISFACTION,
} from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { chinaDateTime, daysLate, daysUntil, type RequestItem } from './requestModel';
import { LevelTag, RatingTag, RequestStatusTag, patchParams } from './RequestParts';

const FILTERS = [
  'org',
  'view',
  'q',
  'status',
  'overdue',
  'level',
  'channel',
  'category',
  'from',
  'to',
  'rating',
  'deleted',
] as const;

/** The server's limit of one export (REQUEST_EXPORT_MAX). */
const EXPORT_MAX = 50_000;

/** The requests page. */
export default function RequestsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const canWrite = hasCap(me, 'residents.write');
  const recycle = params.get('deleted') === 'true';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query: Record<string, string | number> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  if (!query.org && org) query.org = org.id;
  if (!query.view) query.view = 'handling';
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);

  const list = useQuery({
    queryKey: ['requests', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<RequestItem>>('/api/requests', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const setFilter = (patch: Record<string, string | number | null | undefined>) =>
    setParams(patchParams(params, patch));

  async function remove(r: RequestItem) {
    try {
      await api.del(`/api/requests/${r.id}`);
      qc.invalidateQueries({ queryKey: ['requests'] });
      message.success({
        content: (
          <span>
            {t('已移入回收站', 'Moved to the recycle bin')}{' '}
            <Button type="link" size="small" onClick={() => restore(r)}>
              {t('撤销', 'Undo')}
            </Button>
          </span>
        ),
        duration: 8,
      });
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  async function restore(r: RequestItem) {
    try {
      await api.post(`/api/requests/${r.id}/restore`);
      qc.invalidateQueries({ queryKey: ['requests'] });
      message.success(t('已恢复', 'Restored'));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const columns: TableProps<RequestItem>['columns'] = [
    {
      title: t('受理时间', 'Accepted'),
      dataIndex: 'acceptedAt',
      width: 140,
      render: (v: string) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{chinaDateTime(v)}</span>
      ),
    },
    {
      title: t('诉求内容', 'Request'),
      dataIndex: 'description',
      render: (v: string, r) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/requests/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="request-link">
            {v.length > 60 ? `${v.slice(0, 60)}…` : v}
          </Link>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {lbl(REQUEST_CATEGORIES, r.category)} · {lbl(REQUEST_CHANNELS, r.channel)} ·{' '}
            {r.residentName ?? t('匿名', 'Anonymous')}
          </div>
        </div>
      ),
    },
    { title: t('办理方式', 'Level'), dataIndex: 'level', width: 100, render: (v: string) => <LevelTag level={v} /> },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 150,
      render: (v: string, r) => <RequestStatusTag status={v} overdue={r.overdue} />,
    },
    {
      title: t('办结时限', 'Due'),
      dataIndex: 'dueAt',
      width: 130,
      render: (v: string | null, r) => {
        if (!v) return <span className="dj-muted">—</span>;
        const d = daysUntil(v);
        const late = daysLate(v);
        return (
          <span className={r.overdue ? 'sv-due-late' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {chinaDateTime(v).slice(0, 10)}
            {r.status !== 'closed' && d != null ? (
              <div style={{ fontSize: 12 }}>
                {late ? t(`已逾期 ${late} 天`, `${late} days late`) : t(`剩 ${d} 天`, `${d} days left`)}
              </div>
            ) : null}
          </span>
        );
      },
    },
    {
      title: t('承办', 'Handled by'),
      width: 180,
      render: (_, r) => (
        <div>
          <div>{r.orgName}</div>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {[r.ownerName, r.department].filter(Boolean).join(' · ') || t('未指定责任人', 'No owner yet')}
            {r.escalations ? (
              <Tag color="error" style={{ marginInlineStart: 4 }}>
                {t(`上移 ${r.escalations}`, `Escalated ${r.escalations}`)}
              </Tag>
            ) : null}
          </div>
        </div>
      ),
    },
    {
      title: t('评价', 'Rating'),
      dataIndex: 'rating',
      width: 100,
      render: (v: string | null) => <RatingTag rating={v} />,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: 80,
      render: (_, r) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={(e) => (e.stopPropagation(), restore(r))}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <span onClick={(e) => e.stopPropagation()}>
            <Popconfirm
              title={t('删除这条诉求？', 'Delete this request?')}
              description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(r)}
            >
              <Button
                size="small"
                type="text"
                danger
                aria-label={t(`删除诉求 ${r.id}`, `Delete request ${r.id}`)}
                icon={<DeleteOutlined />}
              />
            </Popconfirm>
          </span>
        ),
    });
  }

  const filtered = [...params.keys()].some((k) => !['page', 'pageSize', 'deleted', 'view'].includes(k));
  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {recycle ? t('民情诉求回收站', 'Requests recycle bin') : t('民情诉求', 'Residents’ requests')}
        </Typography.Title>
        {!recycle ? (
          <Segmented
            aria-label={t('视图', 'View')}
            value={String(query.view)}
            onChange={(v) => setFilter({ view: v === 'handling' ? null : String(v) })}
            options={[
              { value: 'handling', label: t('本级承办', 'Handled here') },
              { value: 'accepted', label: t('本级受理', 'Accepted here') },
            ]}
            data-testid="request-view"
          />
        ) : null}
        <div style={{ marginLeft: 'auto' }}>
          <Space wrap>
            {recycle ? (
              <Button onClick={() => setFilter({ deleted: null })}>{t('返回诉求列表', 'Back to the requests')}</Button>
            ) : (
              <>
                {canWrite ? (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => navigate(withQuery('/requests/new', { org: query.org }))}
                    data-testid="new-request"
                  >
                    {t('受理诉求', 'Accept a request')}
                  </Button>
                ) : null}
                <Tooltip
                  title={
                    (list.data?.total ?? 0) > EXPORT_MAX
                      ? t('超过5万条，请缩小时间或组织范围', 'More than 50,000: narrow the period or the organization')
                      : undefined
                  }
                >
                  <Button
                    icon={<DownloadOutlined />}
                    href={withQuery('/api/requests/export', query)}
                    download
                    disabled={!list.data?.total || list.data.total > EXPORT_MAX}
                    data-testid="export"
                  >
                    {t('导出', 'Export')}
                  </Button>
                </Tooltip>
                {canWrite ? (
                  <Button icon={<DeleteOutlined />} onClick={() => setFilter({ deleted: 'true' })}>
                    {t('回收站', 'Recycle bin')}
                  </Button>
                ) : null}
              </>
            )}
          </Space>
        </div>
      </div>
      <div role="search">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            maxLength={40}
            aria-label={t('搜索诉求', 'Search requests')}
            placeholder={t('内容、姓名或电话', 'Text, name or phone')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() })}
            style={{ width: 220 }}
            data-testid="request-search"
          />
          <Select
            allowClear
            aria-label={t('状态', 'Status')}
            placeholder={t('状态', 'Status')}
            style={{ width: 120 }}
            value={params.get('status') ?? undefined}
            options={opts(REQUEST_STATUSES)}
            onChange={(v) => setFilter({ status: v })}
          />
          <Select
            allowClear
            aria-label={t('办理方式', 'Level')}
            placeholder={t('办理方式', 'Level')}
            style={{ width: 120 }}
            value={params.get('level') ?? undefined}
            options={opts(REQUEST_LEVELS)}
            onChange={(v) => setFilter({ level: v })}
          />
          <Select
            allowClear
            aria-label={t('渠道', 'Channel')}
            placeholder={t('渠道', 'Channel')}
            style={{ width: 120 }}
            value={params.get('channel') ?? undefined}
            options={opts(REQUEST_CHANNELS)}
            onChange={(v) => setFilter({ channel: v })}
          />
          <Select
            allowClear
            aria-label={t('类别', 'Category')}
            placeholder={t('类别', 'Category')}
            style={{ width: 130 }}
            value={params.get('category') ?? undefined}
            options={opts(REQUEST_CATEGORIES)}
            onChange={(v) => setFilter({ category: v })}
          />
          <Select
            allowClear
            aria-label={t('评价', 'Rating')}
            placeholder={t('评价', 'Rating')}
            style={{ width: 120 }}
            value={params.get('rating') ?? undefined}
            options={opts(SATISFACTION)}
            onChange={(v) => setFilter({ rating: v })}
          />
          <DatePicker.RangePicker
            aria-label={t('受理日期', 'Accepted between')}
            format="YYYY-MM-DD"
            allowEmpty={[true, true]}
            value={
              params.get('from') || params.get('to')
                ? [
                    params.get('from') ? dayjs(params.get('from')) : null,
                    params.get('to') ? dayjs(params.get('to')) : null,
                  ]
                : null
            }
            onChange={(v) => setFilter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('受理起', 'From'), t('受理止', 'To')]}
          />
          <Checkbox
            checked={params.get('overdue') === 'true'}
            onChange={(e) => setFilter({ overdue: e.target.checked ? 'true' : null })}
            data-testid="overdue-filter"
          >
            {t('只看逾期', 'Overdue only')}
          </Checkbox>
          {filtered ? (
            <Button
              type="link"
              onClick={() => {
                setText('');
                const keep = new URLSearchParams();
                if (recycle) keep.set('deleted', 'true');
                if (params.get('view')) keep.set('view', params.get('view')!);
                setParams(keep);
              }}
            >
              {t('清除筛选', 'Clear filters')}
            </Button>
          ) : null}
        </Space>
      </div>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<RequestItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          rowClassName={(r) => (r.overdue ? 'sv-row-overdue' : '')}
          onRow={(r) =>
            ({
              onClick: () => navigate(`/requests/${r.id}`),
              style: { cursor: 'pointer' },
              'data-overdue': r.overdue ? 'true' : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: recycle
              ? t('回收站是空的', 'The recycle bin is empty')
              : t('没有符合条件的诉求', 'No request matches'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <span data-testid="request-total">{t(`共 ${n} 条诉求`, `${n} requests`)}</span>,
            onChange: (p, s) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('pageSize', String(s));
              setParams(next);
            },
          }}
        />
      )}
    </Card>
  );
}
