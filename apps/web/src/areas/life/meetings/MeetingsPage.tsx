/** The meeting records (`/meetings`): server-side paging, filters, flags of incomplete and late records, recycle bin, yearbook export. */
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEETING_KIND_LABELS } from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { BRANCH_TYPES, thisYear, type MeetingSummary } from './model';
import { KindTag, RecordFlags, useOrg } from './parts';

const FILTERS = ['org', 'kind', 'from', 'to', 'q', 'incomplete', 'deleted'] as const;

/** The meetings page. */
export default function MeetingsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const canWrite = hasCap(me, 'meetings.write');
  const recycle = params.get('deleted') === 'true';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query: Record<string, string | number> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  const orgParam = params.get('org');
  if (!query.org && org) query.org = org.id;
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const [year, setYear] = useState(() => Number((params.get('from') ?? '').slice(0, 4)) || thisYear());

  const list = useQuery({
    queryKey: ['meetings', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<MeetingSummary>>('/api/meetings', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  // The organization the list is narrowed to (the URL's, the switcher's, or the user's own).
  const effectiveOrg = Number(query.org ?? me?.orgId ?? 0) || null;
  const orgInfo = useOrg(effectiveOrg);
  const isBranch = !!orgInfo.data && BRANCH_TYPES.includes(orgInfo.data.type);

  function setFilter(patch: Record<string, string | number | null | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    next.delete('page');
    setParams(next);
  }

  async function remove(m: MeetingSummary) {
    try {
      await api.del(`/api/meetings/${m.id}`);
      qc.invalidateQueries({ queryKey: ['meetings'] });
      message.success({
        content: (
          <span>
            {t(`已将「${m.topic}」移入回收站`, `"${m.topic}" moved to the recycle bin`)}{' '}
            <Button type="link" size="small" onClick={() => restore(m)}>
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

  async function restore(m: MeetingSummary) {
    try {
      await api.post(`/api/meetings/${m.id}/restore`);
      qc.invalidateQueries({ queryKey: ['meetings'] });
      message.success(t(`已恢复「${m.topic}」`, `"${m.topic}" restored`));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const columns: TableProps<MeetingSummary>['columns'] = [
    {
      title: t('日期时间', 'Date and time'),
      dataIndex: 'heldOn',
      width: 150,
      render: (v: string, m) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {v} {m.startTime}
        </span>
      ),
    },
    { title: t('组织', 'Organization'), dataIndex: 'orgName', ellipsis: true, width: 180 },
    { title: t('类型', 'Kind'), dataIndex: 'kind', width: 130, render: (v: string) => <KindTag kind={v} /> },
    {
      title: t('议题', 'Topic'),
      dataIndex: 'topic',
      render: (v: string, m) => (
        <Link to={`/meetings/${m.id}`} onClick={(e) => e.stopPropagation()} data-testid="meeting-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('出席', 'Attendance'),
      width: 130,
      render: (_, m) => (
        <span
          style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
          title={t(
            `实到 ${m.present} / 应到 ${m.expected}，请假 ${m.leave}`,
            `${m.present} present of ${m.expected}, ${m.leave} on leave`,
          )}
        >
          {m.present}/{m.expected}
          {m.leave ? <span className="dj-muted">{t(`（请假 ${m.leave}）`, ` (+${m.leave} on leave)`)}</span> : null}
        </span>
      ),
    },
    { title: t('纪实', 'Record'), width: 170, render: (_, m) => <RecordFlags m={m} /> },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: 90,
      render: (_, m) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={(e) => (e.stopPropagation(), restore(m))}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <span onClick={(e) => e.stopPropagation()}>
            <Popconfirm
              title={t(`删除「${m.topic}」？`, `Delete "${m.topic}"?`)}
              description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(m)}
            >
              <Button
                size="small"
                type="text"
                danger
                aria-label={t(`删除 ${m.topic}`, `Delete ${m.topic}`)}
                icon={<DeleteOutlined />}
              />
            </Popconfirm>
          </span>
        ),
    });
  }

  const newHref = withQuery('/meetings/new', { org: query.org ?? undefined, kind: params.get('kind') ?? undefined });
  const filtered = [...params.keys()].some((k) => k !== 'page' && k !== 'pageSize' && k !== 'deleted');
  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {recycle ? t('会议记录回收站', 'Meetings recycle bin') : t('会议记录', 'Meeting records')}
        </Typography.Title>
        <div style={{ marginLeft: 'auto' }}>
          <Space wrap>
            {recycle ? (
              <Button onClick={() => setFilter({ deleted: null })}>{t('返回会议记录', 'Back to the records')}</Button>
            ) : (
              <>
                {canWrite ? (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => navigate(newHref)}
                    data-testid="new-meeting"
                  >
                    {t('录入会议', 'Record a meeting')}
                  </Button>
                ) : null}
                {isBranch ? (
                  <Space.Compact>
                    <Select
                      aria-label={t('年度', 'Year')}
                      value={year}
                      onChange={setYear}
                      style={{ width: 100 }}
                      options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({
                        value: y,
                        label: t(`${y}年`, String(y)),
                      }))}
                    />
                    <Button
                      icon={<DownloadOutlined />}
                      href={withQuery('/api/meetings/yearbook', { org: effectiveOrg, year })}
                      download
                      data-testid="yearbook"
                    >
                      {t('导出年度纪实', 'Export the year')}
                    </Button>
                  </Space.Compact>
                ) : null}
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
            aria-label={t('搜索议题', 'Search topics')}
            placeholder={t('议题关键词', 'Topic words')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() })}
            style={{ width: 220 }}
            data-testid="meeting-search"
          />
          <Select
            allowClear
            aria-label={t('会议类型', 'Kind')}
            placeholder={t('会议类型', 'Kind')}
            style={{ width: 170 }}
            value={params.get('kind') ?? undefined}
            options={opts(MEETING_KIND_LABELS)}
            onChange={(v) => setFilter({ kind: v })}
            data-testid="kind-filter"
          />
          <DatePicker.RangePicker
            aria-label={t('召开日期', 'Held between')}
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
            placeholder={[t('开始日期', 'From'), t('结束日期', 'To')]}
          />
          <Checkbox
            checked={params.get('incomplete') === 'true'}
            onChange={(e) => setFilter({ incomplete: e.target.checked ? 'true' : null })}
            data-testid="incomplete-filter"
          >
            {t('只看纪实不完整', 'Incomplete records only')}
          </Checkbox>
          {orgParam ? (
            <Tag closable onClose={() => setFilter({ org: null })}>
              {t('组织：', 'Organization: ')}
              {orgInfo.data?.name ?? `#${orgParam}`}
            </Tag>
          ) : null}
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
        <Table<MeetingSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          onRow={(m) => ({ onClick: () => navigate(`/meetings/${m.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: recycle
              ? t('回收站是空的', 'The recycle bin is empty')
              : t('没有符合条件的会议记录', 'No meeting matches'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <span data-testid="meeting-total">{t(`共 ${n} 次会议`, `${n} meetings`)}</span>,
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
