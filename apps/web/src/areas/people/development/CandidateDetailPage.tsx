/**
 * A candidate in full (`/development/:id`): the record, the 25-step timeline (done / next / later, with the rule
 * opening each), the button to record a step, the moves the server allows (extend probation, refuse, lapse), the
 * record's own history, delete and restore.
 */
import { Button, Card, Col, Descriptions, Row, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { DEVELOPMENT_FLOW, DEVELOPMENT_STAGES, chinaToday } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DateField } from '../../../components/DateField';
import { useFeedback } from '../../../components/feedback';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';
import { detailGate, DetailHead, useRecordDetail } from '../../residents/common/DetailParts';
import { type CandidateDetail, DEVELOPMENT_KEYS, NextStepCell, StageTag } from './candidateModel';
import { StepTimeline } from './StepTimeline';

const EVENT_KINDS = Object.fromEntries(
  Object.values(DEVELOPMENT_FLOW.actions).map((a) => [a.event, a.label]),
) as Record<string, { zh: string; en: string }>;

/** The candidate detail page. */
export default function CandidateDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, qc } = useRecordDetail<CandidateDetail>('development-candidate', 'development', id);
  const c = q.data;
  usePageCrumb(c?.name);
  const gate = detailGate(q);
  if (gate || !c) return gate;
  const changed = () => {
    for (const k of DEVELOPMENT_KEYS) void qc.invalidateQueries({ queryKey: [k] });
  };
  const canStep = !c.deletedAt && c.available.some((a) => a.canRecord) && c.actions.includes('record_step');
  const people = (list: { name: string }[]) => list.map((p) => p.name).join('、') || '—';
  const writer = hasCap(me, 'development.write');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="candidate-title"
          title={c.name}
          tags={
            <>
              <StageTag stage={c.stage} />
              <span className="dj-muted">{c.orgName}</span>
            </>
          }
          deletedNote={c.deletedAt ? t('这条记录在回收站中', 'This record is in the recycle bin') : null}
          actions={
            <>
              {canStep ? (
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  onClick={() => navigate(`/development/${id}/step`)}
                  data-testid="record-step"
                >
                  {t('记录发展步骤', 'Record a step')}
                </Button>
              ) : null}
              <WorkflowActionBar
                actions={c.deletedAt ? [] : c.actions}
                moves={DEVELOPMENT_FLOW.actions}
                skip={['apply', 'record_step', 'make_activist', 'make_target', 'admit', 'convert']}
                danger={['refuse', 'lapse']}
                note="none"
                fields={{
                  reason: { label: { zh: '理由', en: 'Reason' } },
                  months: { label: { zh: '延长月数', en: 'Months' }, input: 'number' },
                  date: { label: { zh: '日期', en: 'Date' }, render: () => <DateField maxToday /> },
                }}
                run={(move, input) =>
                  api.post(`/api/development/${id}/${move}`, { date: chinaToday(new Date()), ...input })
                }
                onDone={() => {
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {writer && !c.deletedAt ? (
                <ConfirmDelete
                  title={t('删除这条发展记录？', 'Delete this record?')}
                  description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                  onConfirm={async () => {
                    await api.del(`/api/development/${id}`);
                    changed();
                    navigate('/development');
                  }}
                  testId="delete-candidate"
                />
              ) : null}
            </>
          }
        />
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label={t('身份证号码', 'ID number')}>{c.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('出生日期', 'Birth date')}>{c.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t('计划年度', 'Plan year')}>{c.planYear}</Descriptions.Item>
          <Descriptions.Item label={t('递交申请', 'Applied on')}>{c.appliedOn}</Descriptions.Item>
          <Descriptions.Item label={t('确定积极分子', 'Activist since')}>{c.activistOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('确定发展对象', 'Target since')}>{c.targetOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('接收为预备党员', 'Admitted on')}>{c.admittedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('预备期满', 'Probation ends')}>
            {c.probationEnd ?? '—'}
            {c.extendedMonths ? t(`（已延长${c.extendedMonths}个月）`, ` (extended ${c.extendedMonths} months)`) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('转为正式党员', 'Full member on')}>{c.convertedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('培养联系人', 'Contacts')}>{people(c.contacts)}</Descriptions.Item>
          <Descriptions.Item label={t('入党介绍人', 'Introducers')}>{people(c.introducers)}</Descriptions.Item>
          <Descriptions.Item label={t('下一步骤', 'Next step')}>
            <NextStepCell next={c.next} />
          </Descriptions.Item>
          {c.closedOn ? (
            <Descriptions.Item label={t('终止', 'Ended')} span={3}>
              {c.closedOn} · {c.closeReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('发展党员二十五个步骤', 'The 25 steps')}>
            <StepTimeline c={c} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('办理记录', 'History')}>
            <Timeline events={c.events} kinds={EVENT_KINDS} states={DEVELOPMENT_STAGES} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
