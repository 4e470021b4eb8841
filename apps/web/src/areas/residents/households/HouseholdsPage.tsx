/** 户籍管理 (`/households`): server-side search, filters and paging; the detail drawer (`/households/:id`); recycle bin; export. */
import { useEffect, useState } from 'react';
import { Button, Card, Input, Popconfirm, Select, Space, Table, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  ImportOutlined,
  PlusOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { HOUSEHOLD_TAGS } from '@dangjian/contracts';
import { api, withQuery } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ErrorResult } from '../../../components/States';
import { HouseholdDrawer } from './HouseholdDrawer';
import { HouseholdTags, OrgFilterTag, PageHead, useDeleteRestore, useListState } from '../common/ResidentsParts';
import type { Household } from '../common/model';

const FILTERS = ['q', 'tag', 'poor', 'grouped', 'paired', 'org', 'deleted'] as const;

/** The households page. */
export default function HouseholdsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: me } = useMe();
  const { params, setParams, query, page, pageSize, setFilter, setPage, filtered, recycle } = useListState(FILTERS);
  const canWrite = hasCap(me, 'residents.write');
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const { remove, restore } = useDeleteRestore('/api/households', ['households', 'household', 'service-stats']);

  const list = useQuery({
    queryKey: ['households', 'list', query, page, pageSize],
    queryFn: ({ signal }) => api.get<ListPage<Household>>('/api/households', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const yesNo = [
    { value: 'true', label: t('是', 'Yes') },
    { value: 'false', label: t('否', 'No') },
  ];

  const columns: TableProps<Household>['columns'] = [
    {
      title: t('户主', 'Head'),
      dataIndex: 'headName',
      width: 110,
      render: (v: string, h) => (
        <Link to={{ pathname: `/households/${h.id}`, search: params.toString() }} data-testid="household-link">
          {v}
        </Link>
      ),
    },
    { title: t('住址', 'Address'), dataIndex: 'address', ellipsis: true },
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', width: 150, ellipsis: true },
    { title: t('户类', 'Tags'), dataIndex: 'tags', width: 200, render: (v: string[]) => <HouseholdTags tags={v} /> },
    { title: t('人口', 'People'), dataIndex: 'people', width: 70, align: 'right' },
    { title: t('联系电话', 'Phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('联户组', 'Group'),
      dataIndex: 'groupName',
      width: 130,
      ellipsis: true,
      render: (v: string | null, h) =>
        h.groupId ? (
          <Link to={`/household-groups/${h.groupId}`}>{v}</Link>
        ) : (
          <span className="dj-muted">{t('未入组', 'None')}</span>
        ),
    },
    {
      title: t('结对干部', 'Paired cadres'),
      dataIndex: 'cadres',
      width: 120,
      render: (v: Household['cadres'], h) =>
        v.length ? (
          v.map((c) => c.name).join('、')
        ) : h.isPoor ? (
          <span style={{ color: '#a8071a' }}>{t('未结对', 'Unpaired')}</span>
        ) : (
          '—'
        ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: recycle ? 100 : 90,
      fixed: 'right',
      render: (_, h) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => restore(h.id, h.headName)}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <Space size={4}>
            <Tooltip title={t('编辑', 'Edit')}>
              <Button
                size="small"
                type="text"
                aria-label={t(`编辑 ${h.headName}户`, `Edit ${h.headName}'s household`)}
                icon={<EditOutlined />}
                onClick={() => navigate(`/households/${h.id}/edit`)}
              />
            </Tooltip>
            <Popconfirm
              title={t(`删除「${h.headName}」户？`, `Delete ${h.headName}'s household?`)}
              description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(h.id, h.headName)}
            >
              <Button
                size="small"
                type="text"
                danger
                aria-label={t(`删除 ${h.headName}户`, `Delete ${h.headName}'s household`)}
                icon={<DeleteOutlined />}
              />
            </Popconfirm>
          </Space>
        ),
    });
  }

  const { deleted: _d, ...exportQuery } = query;
  return (
    <Card>
      <PageHead
        title={recycle ? t('户籍回收站', 'Households: recycle bin') : t('户籍管理', 'Households')}
        actions={
          recycle ? (
            <Button onClick={() => setFilter('deleted', null)}>{t('返回户籍列表', 'Back to the households')}</Button>
          ) : (
            <>
              {canWrite ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => navigate('/households/new')}
                  data-testid="new-household"
                >
                  {t('新增户', 'New household')}
                </Button>
              ) : null}
              {hasCap(me, 'residents.import') ? (
                <Button icon={<ImportOutlined />} onClick={() => navigate('/households/import')}>
                  {t('导入', 'Import')}
                </Button>
              ) : null}
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/households/export', exportQuery)}
                download
                data-testid="export"
              >
                {t('导出当前结果', 'Export these results')}
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
            aria-label={t('搜索户主、地址、完整手机号或身份证号', 'Search head, address, full phone or ID number')}
            placeholder={t('户主 / 地址 / 完整手机号或身份证号', 'Head / address / full phone or ID')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 300 }}
            data-testid="household-search"
          />
          <Select
            allowClear
            aria-label={t('户类', 'Tag')}
            placeholder={t('户类', 'Tag')}
            style={{ width: 140 }}
            value={query.tag as string | undefined}
            options={opts(HOUSEHOLD_TAGS)}
            onChange={(v) => setFilter('tag', v)}
          />
          <Select
            allowClear
            aria-label={t('困难户', 'Poor')}
            placeholder={t('困难户', 'Poor')}
            style={{ width: 110 }}
            value={query.poor as string | undefined}
            options={yesNo}
            onChange={(v) => setFilter('poor', v)}
          />
          <Select
            allowClear
            aria-label={t('已入联户组', 'In a group')}
            placeholder={t('已入联户组', 'In a group')}
            style={{ width: 130 }}
            value={query.grouped as string | undefined}
            options={yesNo}
            onChange={(v) => setFilter('grouped', v)}
          />
          <Select
            allowClear
            aria-label={t('已结对', 'Paired')}
            placeholder={t('已结对', 'Paired')}
            style={{ width: 110 }}
            value={query.paired as string | undefined}
            options={yesNo}
            onChange={(v) => setFilter('paired', v)}
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
        <Table<Household>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: recycle
              ? t('回收站是空的', 'The recycle bin is empty')
              : t('没有符合条件的户', 'No household matches'),
          }}
          onChange={(pg) => setPage(pg.current ?? 1, pg.pageSize ?? 20)}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <span data-testid="household-total">{t(`共 ${n} 户`, `${n} households`)}</span>,
          }}
        />
      )}
      {id ? (
        <HouseholdDrawer
          id={Number(id)}
          onClose={() => navigate({ pathname: '/households', search: params.toString() })}
        />
      ) : null}
    </Card>
  );
}
