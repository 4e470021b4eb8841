/**
 * A county leader (`/contact-points/leaders/:id`): name and post, the organizations guided and taken on with this
 * year's visits and open issues (those of the caller's subtree), and the way to add a point; edit, delete, restore.
 */
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { CONTACT_POINT_KINDS, type ContactLeaderItemT } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { RecycleButton } from '../../supervision/problems/parts';

/** The leader page. */
export default function LeaderPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed } = useRecordDetail<ContactLeaderItemT>('contact-leader', 'contact-points/leaders', id);
  const r = q.data;
  usePageCrumb(r ? `${r.name}（${r.post}）` : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const canWrite = hasCap(me, 'contactPoints.write') && !r.deletedAt;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="leader-title"
          title={`${r.name}（${r.post}）`}
          tags={null}
          actions={
            <>
              {canWrite ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/contact-points/leaders/${id}/edit`)}>
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              <RecycleButton
                path={`/api/contact-points/leaders/${id}`}
                capability="contactPoints.write"
                deleted={!!r.deletedAt}
                confirm={t('删除这位误录的县级领导？', 'Delete this mistaken leader?')}
                onChanged={changed}
              />
            </>
          }
          deletedNote={r.deletedAt ? t('已删除', 'Deleted') : null}
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('联系点', 'Contact points')}>{r.points.length}</Descriptions.Item>
          <Descriptions.Item label={t('今年走访', 'Visits this year')}>{r.visits}</Descriptions.Item>
          <Descriptions.Item label={t('待解决问题', 'Open issues')}>{r.openIssues}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('联系的党组织', 'Organizations')}
        extra={
          canWrite ? (
            <Button icon={<PlusOutlined />} onClick={() => navigate(`/contact-points/new?leader=${id}`)}>
              {t('确定联系点', 'Add a contact point')}
            </Button>
          ) : null
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={r.points}
          locale={{ emptyText: t('尚未确定联系点', 'No contact point yet') }}
          columns={[
            {
              title: t('党组织', 'Organization'),
              dataIndex: 'orgName',
              render: (v: string, p) => <Link to={`/contact-points/${p.id}`}>{v}</Link>,
            },
            {
              title: t('联系类型', 'Kind'),
              dataIndex: 'kind',
              width: 180,
              render: (v: string) => (
                <Tag color={v === 'weak_takeover' ? 'volcano' : 'blue'}>{lbl(CONTACT_POINT_KINDS, v)}</Tag>
              ),
            },
            { title: t('待解决问题', 'Open issues'), dataIndex: 'openIssues', width: 110 },
          ]}
        />
      </Card>
    </Space>
  );
}
