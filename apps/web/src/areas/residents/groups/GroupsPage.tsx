/** 联户组 (`/household-groups`): the groups with their rule flags; `/household-groups/:id` opens the detail drawer; recycle bin. */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, PieChartOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { GROUP_LEADER_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListPage } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { ErrorResult } from '../../../components/States';
import {
  HouseholdTags,
  OrgFilterTag,
  PageHead,
  useDeleteRestore,
  useListState,
  useResidentsRules,
} from '../common/ResidentsParts';
import type { HouseholdGroup, HouseholdGroupDetail } from '../common/model';

const FILTERS = ['q', 'org', 'deleted'] as const;

/** The rule flags of a group: size and poor households within the rules. */
export function GroupFlags({ g }: { g: Pick<HouseholdGroup, 'sizeOk' | 'poorOk'> }) {
  const t = useT();
  const rules = useResidentsRules().data?.rules;
  if (g.sizeOk && g.poorOk) return <Tag color="green">{t('符合要求', 'Within the rules')}</Tag>;
  return (
    <Space size={4} wrap>
      {g.sizeOk ? null : (
        <Tooltip
          title={
            rules
              ? t(
                  `规定 ${rules.groupSizeMin}–${rules.groupSizeMax} 户`,
                  `${rules.groupSizeMin}–${rules.groupSizeMax} households`,
                )
              : undefined
          }
        >
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('户数不符', 'Size off rule')}
          </Tag>
        </Tooltip>
      )}
      {g.poorOk ? null : (
        <Tooltip
          title={
            rules
              ? t(
                  `规定含困难户 ${rules.groupPoorMin}–${rules.groupPoorMax} 户`,
                  `${rules.groupPoorMin}–${rules.groupPoorMax} poor households`,
                )
              : undefined
          }
        >
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('困难户数不符', 'Poor households off rule')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function GroupDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['household-group', id],
    queryFn: ({ signal }) => api.get<HouseholdGroupDetail>(`/api/household-groups/${id}`, undefined, signal),
  });
  const g = q.data;
  usePageCrumb(g?.name ?? (q.error ? t('未找到', 'Not found') : null));
  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      title={g?.name ?? t('联户组', 'Household group')}
      extra={
        g && !g.deletedAt && hasCap(me, 'residents.write') ? (
          <Button icon={<EditOutlined />} onClick={() => navigate(`/household-groups/${id}/edit`)}>
            {t('编辑', 'Edit')}
          </Button>
        ) : null
      }
      data-testid="group-drawer"
    >
      {q.isPending ? (
        <Skeleton active />
      ) : q.error ? (
        <ErrorResult error={q.error} />
      ) : g ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {g.deletedAt ? (
            <Alert
              type="warning"
              showIcon
              title={t(
                `已于 ${g.deletedAt.slice(0, 10)} 删除（在回收站中）`,
                `Deleted on ${g.deletedAt.slice(0, 10)} (in the recycle bin)`,
              )}
            />
          ) : null}
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label={t('村（社区）', 'Village')} span={2}>
              {g.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('联户长', 'Leader')}>
              {g.leaderName} <Tag style={{ marginLeft: 4 }}>{lbl(GROUP_LEADER_KINDS, g.leaderKind)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('联系电话', 'Phone')}>{g.leaderPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('户数 / 困难户', 'Households / poor')}>
              {g.households.length} / {g.poorHouseholds}
            </Descriptions.Item>
            <Descriptions.Item label={t('人口', 'People')}>{g.people}</Descriptions.Item>
            <Descriptions.Item label={t('规则', 'Rules')} span={2}>
              <GroupFlags g={g} />
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={g.households}
            locale={{ emptyText: t('尚无成员户', 'No household yet') }}
            columns={[
              {
                title: t('户主', 'Head'),
                dataIndex: 'headName',
                width: 100,
                render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link>,
              },
              { title: t('住址', 'Address'), dataIndex: 'address' },
              { title: t('户类', 'Tags'), dataIndex: 'tags', render: (v: string[]) => <HouseholdTags tags={v} /> },
              { title: t('人口', 'People'), dataIndex: 'people', width: 60, align: 'right' },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}

/** The household groups page. */
export default function GroupsPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: me } = useMe();
  const { params, setParams, query, page, pageSize, setFilter, setPage, filtered, recycle } = useListState(FILTERS);
  const canWrite = hasCap(me, 'residents.write');
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const { remove, restore } = useDeleteRestore('/api/household-groups', [
    'household-groups',
    'household-group',
    'households',
    'group-coverage',
    'service-stats',
  ]);
  const list = useQuery({
    queryKey: ['household-groups', 'list', query, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<ListPage<HouseholdGroup>>('/api/household-groups', { ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<HouseholdGroup>['columns'] = [
    {
      title: t('组名', 'Group'),
      dataIndex: 'name',
      render: (v: string, g) => (
        <Link to={{ pathname: `/household-groups/${g.id}`, search: params.toString() }} data-testid="group-link">
          {v}
        </Link>
      ),
    },
    { title: t('村（社区）', 'Village'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('联户长', 'Leader'),
      dataIndex: 'leaderName',
      width: 150,
      render: (v: string, g) => (
        <span>
          {v} <span className="dj-muted">· {lbl(GROUP_LEADER_KINDS, g.leaderKind)}</span>
        </span>
      ),
    },
    { title: t('户数', 'Households'), dataIndex: 'households', width: 80, align: 'right' },
    { title: t('困难户', 'Poor'), dataIndex: 'poorHouseholds', width: 80, align: 'right' },
    { title: t('人口', 'People'), dataIndex: 'people', width: 70, align: 'right' },
    { title: t('规则', 'Rules'), width: 190, render: (_, g) => <GroupFlags g={g} /> },
  ];
  if (canWrite) {
    columns.push({
      title: t('操作', 'Actions'),
      width: recycle ? 100 : 90,
      render: (_, g) =>
        recycle ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => restore(g.id, g.name)}>
            {t('恢复', 'Restore')}
          </Button>
        ) : (
          <Space size={4}>
            <Button
              size="small"
              type="text"
              aria-label={t(`编辑 ${g.name}`, `Edit ${g.name}`)}
              icon={<EditOutlined />}
              onClick={() => navigate(`/household-groups/${g.id}/edit`)}
            />
            <Popconfirm
              title={t(`删除「${g.name}」？`, `Delete "${g.name}"?`)}
              description={t(
                '成员户将变为未入组；可在回收站恢复',
                'Its households become ungrouped; it can be restored',
              )}
              okText={t('删除', 'Delete')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(g.id, g.name)}
            >
              <Button
                size="small"
                type="text"
                danger
                aria-label={t(`删除 ${g.name}`, `Delete ${g.name}`)}
                icon={<DeleteOutlined />}
              />
            </Popconfirm>
          </Space>
        ),
    });
  }

  return (
    <Card>
      <PageHead
        title={recycle ? t('联户组回收站', 'Household groups: recycle bin') : t('联户组', 'Household groups')}
        actions={
          recycle ? (
            <Button onClick={() => setFilter('deleted', null)}>{t('返回联户组', 'Back to the groups')}</Button>
          ) : (
            <>
              {canWrite ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => navigate('/household-groups/new')}
                  data-testid="new-group"
                >
                  {t('新建联户组', 'New group')}
                </Button>
              ) : null}
              <Button icon={<PieChartOutlined />} onClick={() => navigate('/household-groups/coverage')}>
                {t('覆盖情况', 'Coverage')}
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
            aria-label={t('搜索组名或联户长', 'Search group or leader')}
            placeholder={t('组名 / 联户长', 'Group / leader')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 240 }}
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
        <Table<HouseholdGroup>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 960 }}
          locale={{
            emptyText: recycle ? t('回收站是空的', 'The recycle bin is empty') : t('没有联户组', 'No household group'),
          }}
          onChange={(pg) => setPage(pg.current ?? 1, pg.pageSize ?? 20)}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <span data-testid="group-total">{t(`共 ${n} 个联户组`, `${n} groups`)}</span>,
          }}
        />
      )}
      {id ? (
        <GroupDrawer
          id={Number(id)}
          onClose={() => navigate({ pathname: '/household-groups', search: params.toString() })}
        />
      ) : null}
    </Card>
  );
}
