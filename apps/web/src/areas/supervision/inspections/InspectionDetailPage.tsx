/**
 * An inspection in full (`/inspections/:id`): its kind, dates, team and checklist, the organizations visited with
 * their results and findings (each finding linked to the problem it opened), the timeline, and the moves the
 * server allows now (start, complete, reopen, cancel). The team adds organizations and records while it runs; a
 * visited organization sees its own visit only, read-only.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Tag } from 'antd';
import { MobileOutlined, PlusOutlined } from '@ant-design/icons';
import {
  INSPECTION_FLOW,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  INSPECTION_TOPICS,
  type InspectionTopic,
} from '@dangjian/contracts';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { DateField } from '../../../components/DateField';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { Timeline, chinaDateTime } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { RecycleButton } from '../problems/parts';
import { INSPECTION_EVENT_KINDS, INSPECTION_STATUS_COLORS, type InspectionDetail } from './inspectionModel';
import { VisitCard } from './VisitCard';

/** The inspection detail page. */
export default function InspectionDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<InspectionDetail>('inspection', 'inspections', id);
  const [adding, setAdding] = useState(false);
  const r = q.data;
  usePageCrumb(r ? r.title : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const team = r.issuer && hasCap(me, 'inspections.write') && !deleted;
  const running = team && r.status === 'in_progress';
  const editable = team && (r.status === 'planned' || r.status === 'in_progress');
  const refresh = () => {
    changed();
    qc.invalidateQueries({ queryKey: ['problems'] });
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="inspection-title"
          title={r.title}
          tags={
            <>
              <Tag color="blue">{lbl(INSPECTION_KINDS, r.kind)}</Tag>
              <Tag color={INSPECTION_STATUS_COLORS[r.status]} data-testid="inspection-status">
                {lbl(INSPECTION_STATUSES, r.status)}
              </Tag>
              {r.unannounced ? (
                <Tag>{t('暗访：完成前被检查单位不可见', 'Unannounced: hidden until completed')}</Tag>
              ) : null}
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted || !r.issuer ? [] : r.actions}
                moves={INSPECTION_FLOW.actions}
                skip={['create']}
                primary={['start', 'complete']}
                danger={['cancel']}
                fields={{ reason: { label: { zh: '原因', en: 'Reason' }, input: 'textarea' } }}
                run={(move, input) => api.post(`/api/inspections/${id}/${move}`, input)}
                onDone={() => {
                  message.success(t('已保存', 'Saved'));
                  refresh();
                }}
              />
              {running ? (
                <Button icon={<MobileOutlined />} href={`/m/inspect?inspection=${id}`} data-testid="phone-form">
                  {t('手机记录', 'Record on a phone')}
                </Button>
              ) : null}
              {r.issuer ? (
                <RecycleButton
                  path={`/api/inspections/${id}`}
                  capability="inspections.write"
                  deleted={deleted}
                  confirm={t('删除这次督查？', 'Delete this inspection?')}
                  onChanged={refresh}
                />
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        {r.status === 'cancelled' && r.cancelReason ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('取消原因：', 'Cancelled: ') + r.cancelReason}
          />
        ) : null}
        {!r.issuer ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(
              '本单位为被检查单位，只显示本单位的检查结果。',
              'Your organization was visited: only its own results show.',
            )}
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('组织单位', 'Issued by')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('督查日期', 'Dates')}>
            {r.startsOn === r.endsOn ? r.startsOn : `${r.startsOn} 至 ${r.endsOn}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('检查情况', 'Figures')}>
            {t(
              `检查 ${r.visits} 个单位，发现问题 ${r.findings} 个，转整改 ${r.problems} 个`,
              `${r.visits} visited, ${r.findings} findings, ${r.problems} problems`,
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('督查组', 'Team')} span={3}>
            <Space wrap size={[12, 4]}>
              {r.team.map((m, i) => (
                <span key={i}>
                  {m.name}
                  {m.title ? `（${m.title}）` : ''}
                  {m.leader ? (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      {t('组长', 'Leader')}
                    </Tag>
                  ) : null}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('检查清单', 'Checklist')} span={3}>
            <Space wrap size={[4, 4]}>
              {r.checklist.map((topic) => (
                <Tag key={topic}>{lbl(INSPECTION_TOPICS, topic)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          {r.note ? (
            <Descriptions.Item label={t('备注', 'Note')} span={3}>
              {r.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card
        title={t(`被检查单位（${r.visitList.length}）`, `Organizations visited (${r.visitList.length})`)}
        extra={
          editable ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-visit">
              {t('添加被检查单位', 'Add an organization')}
            </Button>
          ) : null
        }
      >
        {r.status === 'planned' && team ? (
          <p className="dj-muted">
            {t('开始督查后可记录检查结果和发现的问题。', 'Results and findings are recorded once it has started.')}
          </p>
        ) : null}
        {r.visitList.length ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {r.visitList.map((v) => (
              <VisitCard
                key={v.id}
                inspectionId={id}
                visit={v}
                checklist={r.checklist as InspectionTopic[]}
                running={running}
                onChanged={refresh}
              />
            ))}
          </Space>
        ) : (
          <Empty description={t('还没有被检查单位', 'No organization on the list yet')} />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('办理过程', 'Timeline')}>
            <Timeline events={r.events} kinds={INSPECTION_EVENT_KINDS} states={INSPECTION_STATUSES} />
          </Card>
        </Col>
      </Row>
      {adding ? (
        <FormModal
          title={t('添加被检查单位', 'Add an organization to visit')}
          onSubmit={(v) => api.post(`/api/inspections/${id}/visits`, v)}
          onSaved={() => {
            setAdding(false);
            message.success(t('已添加', 'Added'));
            refresh();
          }}
          onClose={() => setAdding(false)}
          fieldOfCode={{
            'inspections.visit_outside': 'orgId',
            'inspections.visit_taken': 'orgId',
            'inspections.visit_date_outside': 'visitedOn',
          }}
        >
          <Field label={t('被检查单位', 'Organization')} name="orgId" required={t('请选择单位', 'Choose one')}>
            <OrgTreeSelect />
          </Field>
          <Field label={t('检查日期（可选）', 'Visited on (optional)')} name="visitedOn">
            <DateField maxToday />
          </Field>
        </FormModal>
      ) : null}
    </Space>
  );
}
