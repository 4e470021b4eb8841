/** 走访 (`/visits`): visits with date range and visitor filters, paging, delete/restore. */
import { useEffect, useState } from 'react';
import { Button, Card, DatePicker, Input, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { BarChartOutlined, CameraOutlined, DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ErrorResult } from '../../../components/States';
import { MemberSelect, OrgFilterTag, PageHead, useDeleteRestore, useListState } from '../common/ResidentsParts';
import type { Visit } from '../common/model';

const FILTERS = ['q', 'org', 'from', 'to', 'visitor', 'deleted'] as const;

/** The visits page. */
export default function VisitsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { params, setParams, query, page, pageSize, setFilter, setPage, filtered, recycle } = useListState(FILTERS);
  const canWrite = hasCap(me, 'residents.write');
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const { remove, restore } = useDeleteRestore('/api/visits', ['visits', 'visit-quotas', 'household', 'service-stats']);
  const list = useQuery({
    queryKey: ['visits', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<Visit>>('/api/visits', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const name = (v: Visit) =>
    t(
      `${v.visitedOn} ${v.visitorName} 走访 ${v.householdHead}户`,
      `${v.visitorName} at ${v.householdHead}'s, ${v.visitedOn}`,
    );

  const columns: TableProps<Visit>['columns'] = [
    { title: t('日期', 'Date'), dataIndex: 'visitedOn', width: 110 },
    {
      title: t('走访人', 'Visitor'),
      dataIndex: 'visitorName',
      width: 100,
      render: (v: string, r) => <a onClick={() => setFilter('visitor', r.visitorMemberId)}>{v}</a>,
    },
    {
      title: t('户主', 'Household'),
      dataIndex: 'householdHead',
      width: 100,
      render: (v: string, r) => <Link to={`/households/${r.householdId}`}>{v}</Link>,
    },
    { title: t('住址', 'Address'), dataIndex: 'householdAddress', width: 180, ellipsis: true },
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', width: 150, ellipsis: true },
    {
      title: t('了解情况', 'Found'),
      dataIndex: 'found',
      ellipsis: { showTitle: false },
      render: (v: string) => <Tooltip title={v}>{v}</Tooltip>,
    },
    {
      title: t('承诺事项', 'Promised'),
      dataIndex: 'promised',
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip title={v}>{v}</Tooltip> : '—'),
    },
    {
      title: '',
      width: 120,
      render: (_, r) => (
        <Space size={4}>
          {r.requestId ? (
            <Link to={`/requests/${r.requestId}`}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('诉求', 'Request')}
              </Tag>
            </Link>
          ) : null}
          {r.photos ? (
            <Tag icon={<CameraOutlined />} style={{ marginInlineEnd: 0 }}>
              {r.photos}
            </Tag>
          ) : null}
        </Space>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: recycle ? 100 : 70,
      render: (_, v) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => restore(v.id, name(v))}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <Popconfirm
            title={t('删除这条走访记录？', 'Delete this visit?')}
            description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
            okText={t('删除', 'Delete')}
            cancelText={t('取消', 'Cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(v.id, name(v))}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t(`删除 ${name(v)}`, `Delete ${name(v)}`)}
            />
          </Popconfirm>
        ),
    });
  }

  const from = params.get('from');
  const to = params.get('to');
  return (
    <Card>
      <PageHead
        title={recycle ? t('走访回收站', 'Visits: recycle bin') : t('走访记录', 'Visits')}
        actions={
          recycle ? (
            <Button onClick={() => setFilter('deleted', null)}>{t('返回走访记录', 'Back to the visits')}</Button>
          ) : (
            <>
              {canWrite ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => navigate('/visits/new')}
                  data-testid="new-visit"
                >
                  {t('登记走访', 'Record a visit')}
                </Button>
              ) : null}
              <Button icon={<BarChartOutlined />} onClick={() => navigate('/visits/quotas')}>
                {t('走访要求落实', 'Quotas')}
              </Button>
              {canWrite ? (
                <Button icon={<DeleteOutlined />} onClick={() => setFilter('deleted', 'true')}>
                  {t('回收站', 'Recycle bin')}
                </Button>
              ) : null}
            </>
          )
        }
      />
      <div role="search">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('搜索户主、地址或内容', 'Search head, address or notes')}
            placeholder={t('户主 / 地址 / 内容', 'Head / address / notes')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 220 }}
          />
          <DatePicker.RangePicker
            aria-label={t('走访日期', 'Visit dates')}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(r) => {
              const next = new URLSearchParams(params);
              const f = r?.[0]?.format('YYYY-MM-DD');
              const e = r?.[1]?.format('YYYY-MM-DD');
              if (f) next.set('from', f);
              else next.delete('from');
              if (e) next.set('to', e);
              else next.delete('to');
              next.delete('page');
              setParams(next);
            }}
          />
          <MemberSelect
            ariaLabel={t('走访人', 'Visitor')}
            placeholder={t('走访人', 'Visitor')}
            style={{ width: 200 }}
            value={params.get('visitor') ? Number(params.get('visitor')) : null}
            valueLabel={list.data?.items.find((v) => String(v.visitorMemberId) === params.get('visitor'))?.visitorName}
            onChange={(id) => setFilter('visitor', id)}
          />
          <OrgFilterTag orgId={params.get('org')} onClose={() => setFilter('org', null)} />
          {filtered ? (
            <Button
              type="link"
              onClick={() => {
                setText('');
                setParams(recycle ? { deleted: 'true' } : {});
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
        <Table<Visit>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: recycle
              ? t('回收站是空的', 'The recycle bin is empty')
              : t('没有符合条件的走访记录', 'No visit matches'),
          }}
          onChange={(pg) => setPage(pg.current ?? 1, pg.pageSize ?? 20)}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <span data-testid="visit-total">{t(`共 ${n} 次`, `${n} visits`)}</span>,
          }}
        />
      )}
    </Card>
  );
}
