/**
 * A class (`/training/classes/:id`): what it is, the course plan and its review, the attendees with their hours and
 * results, each session's attendance, the funding, the summary, the timeline, and the action bar (the moves the
 * server allows this user now: submit, approve, return with a reason, finish with a summary).
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { TRAINING_FLOW, TRAINING_KINDS, TRAINING_RESULTS, TRAINING_STATUSES, chinaToday } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';
import { chinaDateTime, Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { AttendanceDialog, AttendeesDialog, PlanDialog, ResultsDialog } from './TrainingDialogs';
import {
  STATUS_COLOR,
  TRAINING_EVENT_KINDS,
  type TrainingAttendee,
  type TrainingClassDetail,
  type TrainingSession,
  wan,
} from './trainingModel';

type Dialog = { kind: 'plan' | 'attendees' | 'results' } | { kind: 'attendance'; session: TrainingSession };

/** The class page. */
export default function TrainingClassDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<TrainingClassDetail>('training-class', 'training/classes', id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const r = q.data;
  usePageCrumb(r ? r.title : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const saved = (next: TrainingClassDetail) => {
    qc.setQueryData(['training-class', id], next);
    setDialog(null);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const edit = r.canEdit && !deleted;
  const planOpen = edit && (r.status === 'draft' || r.status === 'returned');
  const open = edit && r.status === 'approved';
  const today = chinaToday();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="training-title"
          title={r.title}
          tags={
            <Tag color={STATUS_COLOR[r.status]} data-testid="training-status">
              {lbl(TRAINING_STATUSES, r.status)}
            </Tag>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={TRAINING_FLOW.actions}
                primary={['submit', 'approve', 'finish']}
                danger={['return']}
                fields={{
                  reason: { label: { zh: '退回理由', en: 'Reason' }, input: 'textarea' },
                  summary: { label: { zh: '培训总结', en: 'Summary' }, input: 'textarea' },
                }}
                run={(move, input) =>
                  api.post(
                    `/api/training/classes/${id}/${move}`,
                    move === 'return'
                      ? { reason: input.reason }
                      : move === 'finish'
                        ? { summary: input.summary }
                        : input,
                  )
                }
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['training-class', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {edit ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/training/classes/${id}/edit`)}>
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              {hasCap(me, 'training.write') ? (
                deleted ? (
                  <Button
                    onClick={() =>
                      api.post(`/api/training/classes/${id}/restore`).then(changed, (e) => message.error(e.message))
                    }
                  >
                    {t('恢复', 'Restore')}
                  </Button>
                ) : (
                  <ConfirmDelete
                    title={t('删除这个误录的培训班？', 'Delete this mistaken class?')}
                    description={t(
                      '删除后其学时不再计入，可在回收站恢复',
                      'Its hours stop counting; it can be restored',
                    )}
                    onConfirm={() =>
                      api.del(`/api/training/classes/${id}`).then(changed, (e) => message.error(e.message))
                    }
                  />
                )
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        {r.status === 'returned' && r.returnReason ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`课程计划被退回：${r.returnReason}`, `The plan was returned: ${r.returnReason}`)}
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('举办单位', 'Organizer')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('培训类别', 'Kind')}>{lbl(TRAINING_KINDS, r.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('培训日期', 'Dates')}>
            {r.startOn} ~ {r.endOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('培训地点', 'Place')}>{r.place}</Descriptions.Item>
          <Descriptions.Item label={t('培训对象', 'Target group')}>{r.target}</Descriptions.Item>
          <Descriptions.Item label={t('授课教师', 'Teachers')}>{r.teachers || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('课程', 'Sessions')}>
            {t(`${r.sessions} 节，共 ${r.plannedHours} 学时`, `${r.sessions} sessions, ${r.plannedHours} h`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('学员 / 参训人次', 'Attendees / person-times')}>
            {r.attendees} / {r.personTimes}
          </Descriptions.Item>
          <Descriptions.Item label={t('经费（万元）', 'Funds (10k yuan)')}>
            {t(
              `预算 ${wan(r.budgetFen)}，支出 ${wan(r.spentFen)}`,
              `budget ${wan(r.budgetFen)}, spent ${wan(r.spentFen)}`,
            )}
          </Descriptions.Item>
          {r.status === 'finished' ? (
            <Descriptions.Item label={t('结业考核', 'Results')} span={3}>
              {t(`合格 ${r.passed} 人，不合格 ${r.failed} 人。`, `${r.passed} passed, ${r.failed} failed. `)}
              {r.summary}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            title={t('课程计划与出勤', 'Course plan and attendance')}
            extra={
              planOpen ? (
                <Button onClick={() => setDialog({ kind: 'plan' })} data-testid="training-plan">
                  {t('编排课程计划', 'Plan the sessions')}
                </Button>
              ) : null
            }
          >
            <Table<TrainingSession>
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="training-sessions"
              locale={{ emptyText: t('尚未编排课程', 'No session planned') }}
              dataSource={r.plan}
              columns={[
                { title: t('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
                { title: t('课程内容', 'Topic'), dataIndex: 'topic' },
                { title: t('授课教师', 'Teacher'), dataIndex: 'teacher', width: 130 },
                { title: t('学时', 'Hours'), dataIndex: 'hours', width: 60 },
                {
                  title: t('出勤', 'Attendance'),
                  dataIndex: 'present',
                  width: 170,
                  render: (_: unknown, s) => (
                    <Space size={4}>
                      {s.present == null ? (
                        <span className="dj-muted">{t('未记录', 'Not recorded')}</span>
                      ) : (
                        <span>
                          {t(`出勤 ${s.present}，缺勤 ${s.absent}`, `${s.present} present, ${s.absent} absent`)}
                        </span>
                      )}
                      {open && s.heldOn <= today && r.people.length ? (
                        <Button
                          size="small"
                          onClick={() => setDialog({ kind: 'attendance', session: s })}
                          data-testid={`attendance-${s.id}`}
                        >
                          {t('记录', 'Record')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('审核与培训过程', 'History')}>
            <Timeline events={r.events} kinds={TRAINING_EVENT_KINDS} states={TRAINING_STATUSES} />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('参训学员', 'Attendees')}
        extra={
          <Space>
            {edit ? (
              <Button onClick={() => setDialog({ kind: 'attendees' })} data-testid="training-attendees">
                {t('调整学员', 'Change attendees')}
              </Button>
            ) : null}
            {open && r.people.length ? (
              <Button onClick={() => setDialog({ kind: 'results' })} data-testid="training-results">
                {t('录入考核结果', 'Record results')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Table<TrainingAttendee>
          size="small"
          rowKey="memberId"
          data-testid="training-people"
          dataSource={r.people}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('尚未确定学员', 'No attendee yet') }}
          columns={[
            { title: t('姓名', 'Name'), dataIndex: 'name', width: 110 },
            { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
            {
              title: t('出勤', 'Attended'),
              dataIndex: 'sessionsAttended',
              width: 150,
              render: (_: unknown, p) =>
                t(`${p.sessionsAttended} 节，${p.hours} 学时`, `${p.sessionsAttended}, ${p.hours} h`),
            },
            {
              title: t('考核结果', 'Result'),
              dataIndex: 'result',
              width: 100,
              render: (v: string | null) =>
                v ? <Tag color={v === 'passed' ? 'green' : 'red'}>{lbl(TRAINING_RESULTS, v as 'passed')}</Tag> : '—',
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'plan' ? <PlanDialog record={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'attendees' ? (
        <AttendeesDialog record={r} onSaved={saved} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'results' ? <ResultsDialog record={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'attendance' ? (
        <AttendanceDialog record={r} session={dialog.session} onSaved={saved} onClose={() => setDialog(null)} />
      ) : null}
    </Space>
  );
}
