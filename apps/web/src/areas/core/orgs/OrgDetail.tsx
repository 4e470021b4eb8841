/**
 * The detail of one organization: secretary, committee, term and election, member counts, children; and its actions.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, SwapOutlined, TeamOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFeedback } from '../../../components/feedback';
import { Link, useNavigate } from 'react-router';
import { ELECTION_STATUSES, ORG_FIELDS, ORG_TYPES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { Org, OrgNode, OrgTreeLevel } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { useMe, hasCap } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { ErrorResult } from '../../../components/States';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';

const STATUS_COLORS: Record<string, string> = { none: 'default', ok: 'success', due: 'warning', overdue: 'error' };

/** The detail card of an organization with edit, add child, move, delete and restore. */
export function OrgDetail({ id }: { id: number }) {
  const t = useT();
  const lbl = useLabel();
  const { message, modal } = useFeedback();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'orgs.write');
  const canMembers = hasCap(me, 'members.read');
  const q = useQuery({
    queryKey: ['org', id],
    queryFn: ({ signal }) => api.get<Org>(`/api/orgs/${id}`, undefined, signal),
  });
  const kids = useQuery({
    queryKey: ['org-children', id],
    queryFn: ({ signal }) => api.get<OrgTreeLevel>('/api/orgs/tree', { parent: id }, signal),
    enabled: !!q.data && !q.data.deletedAt,
  });
  const [moveOpen, setMoveOpen] = useState(false);
  const [target, setTarget] = useState<{ id: number; name?: string } | null>(null);
  usePageCrumb(q.data?.name);

  function refresh() {
    qc.invalidateQueries({ queryKey: ['org'] });
    qc.invalidateQueries({ queryKey: ['org-children'] });
    qc.invalidateQueries({ queryKey: ['orgs'] });
    qc.invalidateQueries({ queryKey: ['stats'] });
  }

  if (q.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (q.error)
    return (
      <Card>
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      </Card>
    );
  const o = q.data;

  async function restore() {
    try {
      await api.post(`/api/orgs/${o.id}/restore`);
      message.success(t('已恢复', 'Restored'));
      refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  async function remove() {
    try {
      await api.del(`/api/orgs/${o.id}`);
      refresh();
      message.success({
        content: (
          <span>
            {t(`已删除「${o.name}」`, `"${o.name}" deleted`)}{' '}
            <Button
              size="small"
              type="link"
              onClick={() =>
                api
                  .post(`/api/orgs/${o.id}/restore`)
                  .then(refresh)
                  .then(() => navigate(`/orgs/${o.id}`))
              }
            >
              {t('撤销', 'Undo')}
            </Button>
          </span>
        ),
        duration: 8,
      });
      navigate(o.parentId ? `/orgs/${o.parentId}` : '/orgs');
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  function confirmMove() {
    if (!target) return;
    modal.confirm({
      title: t('确认移动组织', 'Move this organization?'),
      content: t(
        `将「${o.name}」及其全部下级组织和党员移动到「${target.name ?? target.id}」之下。`,
        `"${o.name}" with all its sub-organizations and members will move under "${target.name ?? target.id}".`,
      ),
      okText: t('确认移动', 'Move'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          await api.post(`/api/orgs/${o.id}/move`, { parentId: target.id });
          message.success(t('已移动', 'Moved'));
          setMoveOpen(false);
          refresh();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  }

  const isRoot = me?.orgId === o.id;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {o.name}
            </Typography.Title>
            <Tag color="red">{lbl(ORG_TYPES, o.type)}</Tag>
            {o.field ? <Tag>{lbl(ORG_FIELDS, o.field)}</Tag> : null}
          </Space>
        }
        extra={
          canWrite && !o.deletedAt ? (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => navigate(`/orgs/${o.id}/edit`)}>
                {t('编辑', 'Edit')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => navigate(`/orgs/new?parent=${o.id}`)}>
                {t('新增下级', 'Add child')}
              </Button>
              {!isRoot ? (
                <Button icon={<SwapOutlined />} onClick={() => setMoveOpen(true)}>
                  {t('移动', 'Move')}
                </Button>
              ) : null}
              {!isRoot ? (
                <ConfirmDelete
                  title={t('删除该组织？', 'Delete this organization?')}
                  description={t(
                    '删除后可在提示中撤销，或在详情页恢复。',
                    'You can undo it, or restore it from its page.',
                  )}
                  onConfirm={remove}
                />
              ) : null}
            </Space>
          ) : null
        }
      >
        {o.deletedAt ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`该组织已于 ${o.deletedAt.slice(0, 10)} 删除`, `Deleted on ${o.deletedAt.slice(0, 10)}`)}
            action={
              canWrite ? (
                <Button size="small" icon={<UndoOutlined />} onClick={restore}>
                  {t('恢复', 'Restore')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('上级组织', 'Parent')} span={2}>
            {o.path.length > 1
              ? o.path.slice(0, -1).map((p, i) => (
                  <span key={p.id}>
                    {i > 0 ? ' / ' : ''}
                    <Link to={`/orgs/${p.id}`}>{p.name}</Link>
                  </span>
                ))
              : '—'}
          </Descriptions.Item>
          {o.placeName ? (
            <Descriptions.Item label={t('村（社区）名称', 'Place name')} span={2}>
              {o.placeName}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('书记', 'Secretary')}>
            {o.secretary ? (
              o.secretary.name
            ) : (
              <Typography.Text type="secondary">{t('未设置', 'Not set')}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('换届状态', 'Election')}>
            <Tag color={STATUS_COLORS[o.electionStatus]} data-testid="election-status">
              {lbl(ELECTION_STATUSES, o.electionStatus)}
            </Tag>
            {o.electionDueAt ? `${t('应换届', 'due')} ${o.electionDueAt}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('本届届期', 'Term')}>
            {o.termStart || o.termEnd ? `${o.termStart ?? '?'} ~ ${o.termEnd ?? '?'}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('每届年限', 'Term length')}>
            {t(`${o.termYears} 年`, `${o.termYears} years`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('党员人数', 'Members')}>
            {canMembers ? <Link to={`/members?org=${o.id}`}>{o.memberCounts.total}</Link> : o.memberCounts.total}
            <Typography.Text type="secondary">
              {' '}
              （{t('正式', 'full')} {o.memberCounts.full} · {t('预备', 'probationary')} {o.memberCounts.probationary}）
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('下级组织', 'Sub-organizations')}>{o.childCount}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('班子成员', 'Committee')}>
        {o.committee.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未登记班子成员', 'No committee recorded')} />
        ) : (
          <Table
            size="small"
            rowKey={(r, i) => `${r.name}-${i}`}
            pagination={false}
            dataSource={o.committee}
            columns={[
              { title: t('职务', 'Position'), dataIndex: 'position' },
              { title: t('姓名', 'Name'), dataIndex: 'name' },
            ]}
          />
        )}
      </Card>
      {!o.deletedAt ? (
        <Card
          size="small"
          title={t('下级组织', 'Sub-organizations')}
          extra={
            canMembers ? (
              <Link to={`/members?org=${o.id}`}>
                <TeamOutlined aria-hidden /> {t('查看党员', 'View members')}
              </Link>
            ) : null
          }
        >
          <Table<OrgNode>
            size="small"
            rowKey="id"
            loading={kids.isPending}
            dataSource={(kids.data?.items ?? []).filter((k) => k.id !== o.id)}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('没有下级组织', 'No sub-organizations') }}
            columns={[
              {
                title: t('名称', 'Name'),
                dataIndex: 'name',
                render: (v: string, r) => <Link to={`/orgs/${r.id}`}>{v}</Link>,
              },
              { title: t('类型', 'Type'), dataIndex: 'type', render: (v: string) => lbl(ORG_TYPES, v) },
              { title: t('领域', 'Field'), dataIndex: 'field', render: (v: string | null) => lbl(ORG_FIELDS, v) },
              { title: t('党员', 'Members'), dataIndex: 'memberCount', align: 'right' },
            ]}
          />
        </Card>
      ) : null}
      <Modal
        open={moveOpen}
        title={t(`移动「${o.name}」`, `Move "${o.name}"`)}
        okText={t('下一步', 'Next')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ disabled: !target }}
        onOk={confirmMove}
        onCancel={() => setMoveOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          <label htmlFor="move-target">{t('选择新的上级组织', 'Choose the new parent')}</label>
        </Typography.Paragraph>
        <OrgTreeSelect
          id="move-target"
          value={target?.id}
          onChange={(nid, name) => setTarget(nid ? { id: nid, name } : null)}
          disabledIds={[o.id]}
        />
      </Modal>
    </Space>
  );
}
