/** The member roster: server-side search, filters, sorting and paging; the detail drawer; recycle bin; export. */
import { useEffect, useState } from 'react';
import { Button, Card, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  ImportOutlined,
  PlusOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../../../components/feedback';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { AGE_BANDS, EDUCATIONS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES } from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import type { ListPage, Member } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { ErrorResult } from '../../../components/States';
import { MemberDrawer } from './MemberDrawer';

const FILTERS = [
  'q',
  'status',
  'gender',
  'ageBand',
  'education',
  'category',
  'ethnicity',
  'joinYear',
  'deleted',
  'sort',
  'order',
  'org',
] as const;

/** The list query of the page: URL filters plus the org switcher's organization. */
export function useMemberQuery() {
  const [params] = useSearchParams();
  const { org } = useScope();
  const query: Record<string, string | number | undefined> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  if (!query.org && org) query.org = org.id;
  return { query, page: Number(params.get('page') ?? 1), pageSize: Number(params.get('pageSize') ?? 20) };
}

/** The members page (`/members`, `/members/:id` opens the drawer, `?deleted=true` is the recycle bin). */
export default function MembersPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const { query, page, pageSize } = useMemberQuery();
  const recycle = params.get('deleted') === 'true';
  const canWrite = hasCap(me, 'members.write');
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);

  const orgParam = params.get('org');
  const orgName = useQuery({
    queryKey: ['org', Number(orgParam)],
    queryFn: ({ signal }) => api.get<{ name: string }>(`/api/orgs/${orgParam}`, undefined, signal),
    enabled: !!orgParam,
  });
  const list = useQuery({
    queryKey: ['members', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<Member>>('/api/members', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  function setFilter(k: string, v: string | number | null | undefined) {
    const next = new URLSearchParams(params);
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
    next.delete('page');
    setParams(next);
  }

  async function remove(m: Member) {
    try {
      await api.del(`/api/members/${m.id}`);
      qc.invalidateQueries({ queryKey: ['members'] });
      qc.invalidateQueries({ queryKey: ['stats'] });
      message.success({
        content: (
          <span>
            {t(`已将「${m.name}」移入回收站`, `"${m.name}" moved to the recycle bin`)}{' '}
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

  async function restore(m: Member) {
    try {
      await api.post(`/api/members/${m.id}/restore`);
      qc.invalidateQueries({ queryKey: ['members'] });
      qc.invalidateQueries({ queryKey: ['stats'] });
      message.success(t(`已恢复「${m.name}」`, `"${m.name}" restored`));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const sortOrder = (field: string) => (query.sort === field ? (query.order === 'desc' ? 'descend' : 'ascend') : null);
  const columns: TableProps<Member>['columns'] = [
    {
      title: t('姓名', 'Name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (v: string, m) => (
        <Link to={{ pathname: `/members/${m.id}`, search: params.toString() }} data-testid="member-link">
          {v}
        </Link>
      ),
    },
    { title: t('性别', 'Sex'), dataIndex: 'gender', width: 70, render: (v: string) => lbl(GENDERS, v) },
    {
      title: t('出生日期', 'Born'),
      dataIndex: 'birthDate',
      sorter: true,
      sortOrder: sortOrder('birthDate'),
      width: 170,
      render: (v: string, m) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {v}（{t(`${m.age}岁`, `${m.age} y`)}）
        </span>
      ),
    },
    { title: t('所在组织', 'Organization'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 110,
      render: (v: string) => <Tag color={v === 'full' ? 'red' : 'orange'}>{lbl(MEMBER_STATUSES, v)}</Tag>,
    },
    { title: t('学历', 'Education'), dataIndex: 'education', render: (v: string | null) => lbl(EDUCATIONS, v) },
    {
      title: t('入党时间', 'Joined'),
      dataIndex: 'joinedAt',
      sorter: true,
      sortOrder: sortOrder('joinedAt'),
      width: 120,
    },
    { title: t('手机号', 'Phone'), dataIndex: 'phone', width: 130 },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: recycle ? 100 : 120,
      render: (_, m) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => restore(m)}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <Space size={4}>
            <Tooltip title={t('编辑', 'Edit')}>
              <Button
                size="small"
                type="text"
                aria-label={t(`编辑 ${m.name}`, `Edit ${m.name}`)}
                icon={<EditOutlined />}
                onClick={() => navigate(`/members/${m.id}/edit`)}
              />
            </Tooltip>
            <Popconfirm
              title={t(`删除「${m.name}」？`, `Delete "${m.name}"?`)}
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
                aria-label={t(`删除 ${m.name}`, `Delete ${m.name}`)}
                icon={<DeleteOutlined />}
              />
            </Popconfirm>
          </Space>
        ),
    });
  }

  const exportHref = withQuery('/api/members/export', query);
  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {recycle ? t('回收站', 'Recycle bin') : t('党员名册', 'Member roster')}
        </Typography.Title>
        <div style={{ marginLeft: 'auto' }}>
          <Space wrap>
            {recycle ? (
              <Button onClick={() => setFilter('deleted', null)}>{t('返回名册', 'Back to the roster')}</Button>
            ) : (
              <>
                {canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/members/new')}>
                    {t('新增党员', 'New member')}
                  </Button>
                ) : null}
                {hasCap(me, 'members.import') ? (
                  <Button icon={<ImportOutlined />} onClick={() => navigate('/members/import')}>
                    {t('导入', 'Import')}
                  </Button>
                ) : null}
                {hasCap(me, 'members.export') ? (
                  <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="export">
                    {t('导出当前结果', 'Export these results')}
                  </Button>
                ) : null}
                {canWrite ? (
                  <Button icon={<DeleteOutlined />} onClick={() => setFilter('deleted', 'true')}>
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
            aria-label={t('搜索姓名、拼音或首字母', 'Search name, pinyin or initials')}
            placeholder={t('姓名 / 拼音 / 首字母', 'Name / pinyin / initials')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 240 }}
            data-testid="member-search"
          />
          <Select
            allowClear
            aria-label={t('状态', 'Status')}
            placeholder={t('状态', 'Status')}
            style={{ width: 130 }}
            value={query.status as string | undefined}
            options={opts(MEMBER_STATUSES)}
            onChange={(v) => setFilter('status', v)}
          />
          <Select
            allowClear
            aria-label={t('性别', 'Sex')}
            placeholder={t('性别', 'Sex')}
            style={{ width: 100 }}
            value={query.gender as string | undefined}
            options={opts(GENDERS)}
            onChange={(v) => setFilter('gender', v)}
          />
          <Select
            allowClear
            aria-label={t('年龄段', 'Age band')}
            placeholder={t('年龄段', 'Age band')}
            style={{ width: 130 }}
            value={query.ageBand as string | undefined}
            options={opts(AGE_BANDS)}
            onChange={(v) => setFilter('ageBand', v)}
          />
          <Select
            allowClear
            aria-label={t('学历', 'Education')}
            placeholder={t('学历', 'Education')}
            style={{ width: 150 }}
            value={query.education as string | undefined}
            options={opts(EDUCATIONS)}
            onChange={(v) => setFilter('education', v)}
          />
          <Select
            allowClear
            aria-label={t('人员类别', 'Category')}
            placeholder={t('人员类别', 'Category')}
            style={{ width: 170 }}
            value={query.category as string | undefined}
            options={opts(MEMBER_CATEGORIES)}
            onChange={(v) => setFilter('category', v)}
          />
          <Select
            allowClear
            aria-label={t('民族', 'Ethnicity')}
            placeholder={t('民族', 'Ethnicity')}
            style={{ width: 120 }}
            value={query.ethnicity as string | undefined}
            options={opts(ETHNICITIES)}
            onChange={(v) => setFilter('ethnicity', v)}
          />
          <InputNumber
            aria-label={t('入党年份', 'Year joined')}
            placeholder={t('入党年份', 'Year joined')}
            style={{ width: 120 }}
            min={1921}
            max={2100}
            value={query.joinYear ? Number(query.joinYear) : null}
            onChange={(v) => setFilter('joinYear', v)}
          />
          {params.get('org') ? (
            <Tag closable onClose={() => setFilter('org', null)}>
              {t('组织：', 'Organization: ')}
              {orgName.data?.name ?? `#${orgParam}`}
            </Tag>
          ) : null}
          {[...params.keys()].some((k) => k !== 'page' && k !== 'pageSize' && k !== 'deleted') ? (
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
        <Table<Member>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 960 }}
          locale={{
            emptyText: recycle
              ? t('回收站是空的', 'The recycle bin is empty')
              : t('没有符合条件的党员', 'No member matches'),
          }}
          onChange={(pg, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const next = new URLSearchParams(params);
            next.set('page', String(pg.current ?? 1));
            next.set('pageSize', String(pg.pageSize ?? 20));
            if (s?.order && s.field) {
              next.set('sort', String(s.field));
              next.set('order', s.order === 'descend' ? 'desc' : 'asc');
            } else {
              next.delete('sort');
              next.delete('order');
            }
            setParams(next);
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <span data-testid="member-total">{t(`共 ${n} 人`, `${n} in all`)}</span>,
          }}
        />
      )}
      {id ? (
        <MemberDrawer id={Number(id)} onClose={() => navigate({ pathname: '/members', search: params.toString() })} />
      ) : null}
    </Card>
  );
}
