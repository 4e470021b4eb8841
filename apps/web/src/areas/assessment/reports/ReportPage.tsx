/**
 * A secretary's report (`/reports/:id`): the secretary writes and submits its own (a draft may be saved); the
 * committee that runs the round enters its grade and the residents' paper ballots, closes the grading (the
 * combined score and grade by the rule), publishes, and talks to a secretary graded 差; the timeline below.
 */
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Input, Row, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { REPORT_FLOW, REPORT_GRADES, REPORT_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { FollowupDialog, GradeDialog } from './ReportDialogs';
import { GRADE_COLOR, REPORT_EVENT_KINDS, REPORT_STATUS_COLOR, type ReportDetail } from './reportModel';

/** The report page. */
export default function ReportPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<ReportDetail>('report', 'reports', id);
  const [text, setText] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'grade' | 'followup' | null>(null);
  const r = q.data;
  usePageCrumb(r ? r.orgName : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const content = text ?? r.content;
  const saved = (next: ReportDetail) => {
    qc.setQueryData(['report', id], next);
    setDialog(null);
    setText(null);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const saveDraft = () =>
    api.patch<ReportDetail>(`/api/reports/${id}`, { content }).then(saved, (e) => message.error(e.message));
  const c = r.members;
  const res = r.residents;
  const counts = (x: typeof c) =>
    (Object.keys(REPORT_GRADES) as (keyof typeof c)[]).map((g) => `${lbl(REPORT_GRADES, g)} ${x[g]}`).join('，');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="report-title"
          title={t(`${r.orgName}书记述职报告（${r.year}年度）`, `Annual report of ${r.orgName}, ${r.year}`)}
          tags={
            <>
              <Tag color={REPORT_STATUS_COLOR[r.status]} data-testid="report-status">
                {lbl(REPORT_STATUSES, r.status)}
              </Tag>
              {r.finalGrade ? (
                <Tag color={GRADE_COLOR[r.finalGrade]} data-testid="report-grade">
                  {t('评定：', 'Grade: ')}
                  {lbl(REPORT_GRADES, r.finalGrade)}
                </Tag>
              ) : null}
            </>
          }
          actions={
            <>
              {r.canWrite ? (
                <Button onClick={saveDraft} data-testid="report-save-draft">
                  {t('保存草稿', 'Save the draft')}
                </Button>
              ) : null}
              <WorkflowActionBar
                // A draft's own secretary may submit what it is writing: the server's list leaves the move out
                // while the saved draft is too short, but the text on screen is saved before it is submitted.
                actions={r.canWrite && !r.actions.includes('submit') ? [...r.actions, 'submit'] : r.actions}
                moves={REPORT_FLOW.actions}
                primary={['submit', 'grade', 'publish']}
                danger={['return']}
                note="none"
                fields={{ note: { label: { zh: '退回原因', en: 'Reason' }, input: 'textarea' } }}
                run={async (move, input) => {
                  // The text on screen is saved before it is submitted.
                  if (move === 'submit' && text != null) await api.patch(`/api/reports/${id}`, { content });
                  return api.post(`/api/reports/${id}/${move}`, input);
                }}
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['report', id], next);
                  setText(null);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {r.canGrade ? (
                <Button type="primary" onClick={() => setDialog('grade')} data-testid="report-committee-grade">
                  {t('上级评价与群众评议票', 'Committee grade and ballots')}
                </Button>
              ) : null}
              {r.finalGrade === 'poor' && !r.followupOn ? (
                <Button danger onClick={() => setDialog('followup')} data-testid="report-followup">
                  {t('约谈整改', 'Follow-up talk')}
                </Button>
              ) : null}
            </>
          }
        />
        <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('述职评议', 'Round')}>{r.roundTitle}</Descriptions.Item>
          <Descriptions.Item label={t('书记', 'Secretary')}>{r.secretaryName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('提交日期', 'Submitted on')}>{r.submittedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('上级党委评价', 'Committee')}>
            {r.committeeGrade ? lbl(REPORT_GRADES, r.committeeGrade) : '—'}
            {r.committeeNote ? `（${r.committeeNote}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('党员代表评议', 'Panel')}>{counts(c)}</Descriptions.Item>
          <Descriptions.Item label={t('群众代表评议', 'Residents')}>{counts(res)}</Descriptions.Item>
          <Descriptions.Item label={t('综合得分', 'Score')}>
            <span data-testid="report-score">{r.score ?? '—'}</span>
          </Descriptions.Item>
          {r.followupOn ? (
            <Descriptions.Item label={t('约谈', 'Follow-up')} span={2}>
              {`${r.followupOn} ${r.followupNote ?? ''}`}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={t('述职报告', 'Report')}>
            {r.canWrite ? (
              <Input.TextArea
                value={content}
                onChange={(e) => setText(e.target.value)}
                autoSize={{ minRows: 12 }}
                count={{ show: true, max: 20000 }}
                placeholder={t(
                  '请按“主要工作、存在问题、下步打算”撰写，不少于50字',
                  'What was done, what fell short, what comes next (50 characters at least)',
                )}
                data-testid="report-content"
              />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {r.content || t('尚未填写', 'Not written yet')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('办理过程', 'History')}>
            <Timeline events={r.events} kinds={REPORT_EVENT_KINDS} states={REPORT_STATUSES} />
          </Card>
        </Col>
      </Row>
      {dialog === 'grade' ? <GradeDialog report={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog === 'followup' ? <FollowupDialog report={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
    </Space>
  );
}
