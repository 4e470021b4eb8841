/**
 * A record in full (`/mobility/:id`): the member, where it is and who keeps contact, its timeline, the moves the
 * server allows (lost, regained, back: each asks its day), edit, delete and restore.
 */
import { Button, Card, Col, Descriptions, Row, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { chinaToday, MOBILITY_FLOW } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { DeleteOrRestore, type MobilityDetail, MobilityTag, MobilityTimeline, MoveDayField } from './parts';

/** The moves as the bar offers them: each asks its day (the server takes today when none is sent). */
const MOVES = Object.fromEntries(
  Object.entries(MOBILITY_FLOW.actions).map(([k, m]) => [k, { label: m.label, required: ['on'] }]),
);
/** The route segment of each move. */
const PATH: Record<string, string> = { lose_contact: 'lose', regain: 'regain', return: 'return' };

/** The detail page. */
export default function MobilityDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed } = useRecordDetail<MobilityDetail>('mobility', 'mobility', id);
  const r = q.data;
  usePageCrumb(r ? `${r.memberName} ${r.since}` : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const writer = hasCap(me, 'mobility.write');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="mobility-title"
          title={<>{r.memberName}</>}
          tags={
            <>
              <MobilityTag status={r.status} />
              <span className="dj-muted">
                {r.orgName} · {t(`${r.since} 起`, `since ${r.since}`)}
              </span>
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={MOVES}
                primary={['return']}
                danger={['lose_contact']}
                fields={{ on: { label: { zh: '日期', en: 'Day' }, render: () => <MoveDayField /> } }}
                run={(move, input) => api.post(`/api/mobility/${id}/${PATH[move]}`, { on: chinaToday(), ...input })}
                onDone={() => {
                  message.success(t('已登记', 'Recorded'));
                  changed();
                }}
              />
              {writer && !deleted && r.status !== 'returned' ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/mobility/${id}/edit`)}>
                  {t('修改外出信息', 'Edit')}
                </Button>
              ) : null}
              <DeleteOrRestore id={id} deleted={deleted} onChanged={changed} />
            </>
          }
          deletedNote={deleted ? t('此登记已删除', 'This record is deleted') : null}
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('党员', 'Member')}>
            <Link to={`/mobility/members/${r.memberId}`}>{r.memberName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('所在党组织', 'Organization')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('外出（失联）日期', 'Since')}>{r.since}</Descriptions.Item>
          <Descriptions.Item label={t('外出地点', 'Where to')}>{r.destination ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('所在单位', 'Workplace')}>{r.unit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('流入地党组织', 'Party organization there')}>
            {r.flowOrgName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('联系人', 'Contact')}>{r.contact?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('预计返回', 'Expected back')}>{r.expectedReturn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('失联日期', 'Lost on')}>{r.lostOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('返回日期', 'Back on')}>{r.returnedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('备注', 'Note')} span={2}>
            {r.note ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('经过', 'Timeline')}>
            <MobilityTimeline events={r.events} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
