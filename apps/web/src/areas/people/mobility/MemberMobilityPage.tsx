/**
 * A member's history of absences (`/mobility/members/:id`): its state now and each record, newest first, with its
 * timeline; reached from the member's page. Staff who may write record a departure or a loss from here.
 */
import { Button, Card, Descriptions, Empty, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { MemberMobilityT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { usePageCrumb } from '../../../app/crumbs';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { detailGate } from '../../residents/common/DetailParts';
import { MobilityTag, MobilityTimeline, whereOf } from './parts';

/** The member's history page. */
export default function MemberMobilityPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['mobility-member', id],
    queryFn: ({ signal }) => api.get<MemberMobilityT>(`/api/members/${id}/mobility`, undefined, signal),
  });
  usePageCrumb(q.data?.memberName);
  const gate = detailGate(q);
  if (gate || !q.data) return gate;
  const m = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <h1 style={{ fontSize: 20, margin: 0 }} data-testid="member-mobility-title">
            {t(`${m.memberName} 的流动情况`, `${m.memberName}: away and back`)}
          </h1>
          <MobilityTag status={m.state} />
          <Space style={{ marginLeft: 'auto' }}>
            <Button onClick={() => navigate(`/members/${m.memberId}`)}>{t('党员信息', 'Member record')}</Button>
            {hasCap(me, 'mobility.write') && m.state === 'local' ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate(`/mobility/new?member=${m.memberId}`)}
                data-testid="record-departure"
              >
                {t('登记外出或失联', 'Record leaving or lost')}
              </Button>
            ) : null}
          </Space>
        </div>
      </Card>
      {m.records.length ? (
        m.records.map((r) => (
          <Card
            key={r.id}
            title={
              <Space>
                <MobilityTag status={r.status} />
                <Link to={`/mobility/${r.id}`}>
                  {r.returnedOn ? `${r.since} — ${r.returnedOn}` : t(`${r.since} 起`, `since ${r.since}`)}
                </Link>
              </Space>
            }
            data-testid="mobility-record"
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('去向', 'Where')}>{whereOf(r)}</Descriptions.Item>
              <Descriptions.Item label={t('联系人', 'Contact')}>{r.contact?.name ?? '—'}</Descriptions.Item>
            </Descriptions>
            <MobilityTimeline events={r.events} />
          </Card>
        ))
      ) : (
        <Card>
          <Empty description={t('该党员没有外出流动或失联记录', 'This member has never been away or out of contact')} />
        </Card>
      )}
    </Space>
  );
}
