/**
 * An entry of the ledger (`/points/:id`): what it is, its points, state and evidence, the member's dispute and the
 * secretary's answer (upheld leaves a reversing entry), the approval moves of a manual entry and the timeline.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Tag } from 'antd';
import { useParams } from 'react-router';
import { DISPUTE_STATUSES, POINT_FLOW, POINT_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { ErrorAlert } from '../../../components/form/ErrorAlert';
import { Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { POINT_EVENT_KINDS, type PointDetail, STATUS_COLOR, signed, whatOf } from './pointModel';

/** The page. */
export default function PointDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const id = Number(useParams().id);
  const { message } = useFeedback();
  const { q, changed, qc } = useRecordDetail<PointDetail>('point', 'points', id);
  const [answering, setAnswering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ upheld: boolean; answer: string }>();
  usePageCrumb(q.data ? `${q.data.memberName} ${signed(q.data.points)}` : undefined);
  const gate = detailGate(q);
  if (gate) return gate;
  const r = q.data!;
  async function answer() {
    const v = await form.validateFields();
    setError(null);
    try {
      const next = await api.post<PointDetail>(`/api/points/${id}/answer`, {
        upheld: v.upheld,
        answer: v.answer.trim(),
      });
      qc.setQueryData(['point', id], next);
      setAnswering(false);
      message.success(t('已答复', 'Answered'));
      changed();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <>
      <DetailHead
        testId="point-title"
        title={t(`${r.memberName}：${whatOf(r, lbl)}`, `${r.memberName}: ${whatOf(r, lbl)}`)}
        tags={
          <>
            <Tag color={STATUS_COLOR[r.status]} data-testid="point-status">
              {lbl(POINT_STATUSES, r.status)}
            </Tag>
            {r.published ? <Tag color="blue">{t('已公示', 'Published')}</Tag> : <Tag>{t('未公示', 'Draft')}</Tag>}
            {r.reversed ? <Tag>{t('已冲正', 'Reversed')}</Tag> : null}
          </>
        }
        actions={
          <>
            <WorkflowActionBar
              actions={r.actions}
              moves={POINT_FLOW.actions}
              primary={['branch_approve', 'approve']}
              danger={['reject']}
              fields={{ reason: { label: { zh: '退回理由', en: 'Reason' }, input: 'textarea' } }}
              run={(move, input) => api.post(`/api/points/${id}/${move.replace('_', '-')}`, input)}
              onDone={(_m, next) => {
                if (next) qc.setQueryData(['point', id], next);
                message.success(t('已保存', 'Saved'));
                changed();
              }}
            />
            {r.canAnswer ? (
              <Button type="primary" onClick={() => setAnswering(true)} data-testid="point-answer">
                {t('答复异议', 'Answer the dispute')}
              </Button>
            ) : null}
          </>
        }
      />
      {r.dispute ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={r.dispute.status === 'open' ? 'warning' : 'info'}
          showIcon
          data-testid="point-dispute"
          message={`${t('党员异议', 'Dispute')}（${lbl(DISPUTE_STATUSES, r.dispute.status)}）：${r.dispute.reason}`}
          description={r.dispute.answer ? `${t('答复', 'Answer')}：${r.dispute.answer}` : undefined}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('党员', 'Member')}>{r.memberName}</Descriptions.Item>
          <Descriptions.Item label={t('党组织', 'Organization')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('事项', 'Event')}>{whatOf(r, lbl)}</Descriptions.Item>
          <Descriptions.Item label={t('分值', 'Points')}>
            <b data-testid="point-points">{signed(r.points)}</b>
          </Descriptions.Item>
          <Descriptions.Item label={t('发生日期', 'Occurred on')}>{r.occurredOn}</Descriptions.Item>
          <Descriptions.Item label={t('所属月份', 'Month')}>{r.month}</Descriptions.Item>
          <Descriptions.Item label={t('事由', 'What for')} span={2}>
            {r.note ?? '—'}
          </Descriptions.Item>
          {r.evidence ? (
            <Descriptions.Item label={t('佐证材料', 'Evidence')} span={2}>
              {r.evidence}
            </Descriptions.Item>
          ) : null}
          {r.rejectReason ? (
            <Descriptions.Item label={t('退回理由', 'Reason of the rejection')} span={2}>
              {r.rejectReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('办理过程', 'History')}>
        <Timeline events={r.events} kinds={POINT_EVENT_KINDS} states={POINT_STATUSES} />
      </Card>
      <Modal
        open={answering}
        title={t('答复异议', 'Answer the dispute')}
        onCancel={() => setAnswering(false)}
        onOk={answer}
        okText={t('提交答复', 'Answer')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ 'data-testid': 'point-answer-ok' } as never}
      >
        <Form form={form} layout="vertical" initialValues={{ upheld: true }}>
          <Form.Item label={t('异议是否成立', 'Upheld')} name="upheld">
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('成立（冲正该积分）', 'Upheld (reverse the entry)') },
                { value: false, label: t('不成立', 'Rejected') },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t('答复意见', 'Answer')}
            name="answer"
            rules={[{ required: true, whitespace: true, message: t('请填写答复意见', 'Write the answer') }]}
          >
            <Input.TextArea rows={3} count={{ show: true, max: 500 }} data-testid="point-answer-text" />
          </Form.Item>
        </Form>
        <ErrorAlert error={error} />
      </Modal>
    </>
  );
}
