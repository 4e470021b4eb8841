/**
 * A cadre's retraining file (`/retraining/:id`): the cadre and post, the reasons and evidence, the due day, the
 * classes (attended or missed), the test and assessment, the decision with who decided, the timeline, and the
 * action bar (the moves the server allows this user now) with the dialogs of a class and of the test.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag } from 'antd';
import { ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import {
  CADRE_POSTS,
  RETRAINING_DECIDERS,
  RETRAINING_FLOW,
  RETRAINING_STATUSES,
  SUSPENSION_REASONS,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';
import { chinaDateTime, Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { ClassDialog, TestDialog } from './RetrainingDialogs';
import { RETRAINING_EVENT_KINDS, type RetrainingClass, type RetrainingDetail, STATUS_COLOR } from './retrainingModel';

/** The file page. */
export default function RetrainingDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<RetrainingDetail>('retraining-file', 'retraining', id);
  const [dialog, setDialog] = useState<'class' | 'test' | null>(null);
  const r = q.data;
  usePageCrumb(r ? r.cadreName : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const saved = (next: RetrainingDetail) => {
    qc.setQueryData(['retraining-file', id], next);
    setDialog(null);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const training = r.canEdit && r.status === 'training';
  const decided = r.status === 'reinstated' || r.status === 'removed';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="retraining-title"
          title={t(`${r.cadreName}淬火整训档案`, `Retraining file of ${r.cadreName}`)}
          tags={
            <>
              <Tag color={STATUS_COLOR[r.status]} data-testid="retraining-status">
                {lbl(RETRAINING_STATUSES, r.status)}
              </Tag>
              {r.overdue ? <Tag color="red">{t('已超过整训期限', 'Past the retraining period')}</Tag> : null}
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={RETRAINING_FLOW.actions}
                skip={['test']}
                primary={['start', 'reinstate']}
                danger={['remove']}
                fields={{
                  decidedBy: { label: { zh: '决定机关（会议）', en: 'Decided by' } },
                  reason: { label: { zh: '决定理由', en: 'Reason' }, input: 'textarea' },
                }}
                run={(move, input) => api.post(`/api/retraining/${id}/${move}`, input)}
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['retraining-file', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {training ? (
                <Button icon={<PlusOutlined />} onClick={() => setDialog('class')} data-testid="retraining-class">
                  {t('记录课程', 'Record a class')}
                </Button>
              ) : null}
              {training ? (
                <Button
                  type="primary"
                  icon={<ExperimentOutlined />}
                  onClick={() => setDialog('test')}
                  data-testid="retraining-test"
                >
                  {t('录入测试', 'Record the test')}
                </Button>
              ) : null}
              {hasCap(me, 'retraining.write') ? (
                deleted ? (
                  <Button
                    onClick={() =>
                      api.post(`/api/retraining/${id}/restore`).then(changed, (e) => message.error(e.message))
                    }
                  >
                    {t('恢复', 'Restore')}
                  </Button>
                ) : (
                  <ConfirmDelete
                    title={t('删除这份误录的整训档案？', 'Delete this mistaken file?')}
                    description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                    onConfirm={() => api.del(`/api/retraining/${id}`).then(changed, (e) => message.error(e.message))}
                  />
                )
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        {r.status === 'tested' ? (
          <Alert
            type={r.testPassed ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              r.testPassed
                ? t('测试合格，待作出复职决定', 'The test passed: to decide the reinstatement')
                : t('测试不合格：可退回继续整训，或予以组织调整', 'The test failed: retrain again, or remove')
            }
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('姓名', 'Cadre')}>{r.cadreName}</Descriptions.Item>
          <Descriptions.Item label={t('职务', 'Post')}>{r.postText || lbl(CADRE_POSTS, r.post)}</Descriptions.Item>
          <Descriptions.Item label={t('党组织', 'Organization')}>
            {r.orgName}
            {r.townshipName ? `（${r.townshipName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('停职原因', 'Reasons')} span={2}>
            <Space wrap size={4}>
              {r.reasons.map((k) => (
                <Tag key={k}>{lbl(SUSPENSION_REASONS, k)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('停职决定', 'Suspended by')}>
            {lbl(RETRAINING_DECIDERS, r.suspendedBy)}，{r.suspendedOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('事实依据', 'Evidence')} span={3}>
            {r.evidence}
            {r.reasonText ? `（${r.reasonText}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('整训期限', 'Decision due')}>{r.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('参加整训', 'Attended')}>
            {t(
              `${r.classesAttended} 次，${r.hoursAttended} 课时（需 ${r.rules.minHours}）；缺勤 ${r.classesMissed} 次`,
              `${r.classesAttended} classes, ${r.hoursAttended} h (of ${r.rules.minHours}); missed ${r.classesMissed}`,
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('测试成绩', 'Test')}>
            {r.testScore == null ? (
              '—'
            ) : (
              <Space size={4}>
                <span>{t(`${r.testScore} 分`, `${r.testScore}`)}</span>
                <Tag color={r.testPassed ? 'green' : 'red'}>
                  {r.testPassed ? t('合格', 'Passed') : t('不合格', 'Failed')}
                </Tag>
                <span className="dj-muted">{r.testedOn}</span>
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('整训鉴定', 'Assessment')} span={3}>
            {r.assessment ?? '—'}
          </Descriptions.Item>
          {decided ? (
            <Descriptions.Item label={t('决定', 'Decision')} span={3}>
              {lbl(RETRAINING_STATUSES, r.status)}：{r.decidedBy}，{r.decidedOn}；{r.decisionReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('整训课程', 'Classes')}>
            <Table<RetrainingClass>
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="retraining-classes"
              locale={{ emptyText: t('尚无课程记录', 'No class yet') }}
              dataSource={r.classes}
              columns={[
                { title: t('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
                { title: t('课程内容', 'Topic'), dataIndex: 'topic' },
                { title: t('课时', 'Hours'), dataIndex: 'hours', width: 70 },
                {
                  title: t('出勤', 'Present'),
                  dataIndex: 'present',
                  width: 120,
                  render: (v: boolean, c) =>
                    v ? (
                      <Tag color="green">{t('出勤', 'Present')}</Tag>
                    ) : (
                      <Space size={4}>
                        <Tag color="red">{t('缺勤', 'Absent')}</Tag>
                        {c.note ? <span className="dj-muted">{c.note}</span> : null}
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('整训过程', 'History')}>
            <Timeline events={r.events} kinds={RETRAINING_EVENT_KINDS} states={RETRAINING_STATUSES} />
          </Card>
        </Col>
      </Row>
      {dialog === 'class' ? <ClassDialog file={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog === 'test' ? <TestDialog file={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
    </Space>
  );
}
