/** The objections of a published result (公示异议) and the assessor's answer to one: upheld or rejected, with a reason. */
import { useState } from 'react';
import { Button, Card, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { OBJECTION_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/form/ErrorAlert';
import { Field } from '../../../components/form/Field';
import { chinaDateTime } from '../../../components/Timeline';
import { type RatingDetail } from './ratingModel';
import type { Objection } from './ratingModel';

/** The objections of a published result and their answers; the assessor answers the open ones. */
export function ObjectionsCard({
  r,
  canAnswer,
  onAnswer,
}: {
  r: RatingDetail;
  canAnswer: boolean;
  onAnswer: (o: Objection, upheld: boolean) => void;
}) {
  const t = useT();
  const lbl = useLabel();
  return (
    <Card
      title={t(`公示异议（${r.objections.length}）`, `Objections (${r.objections.length})`)}
      data-testid="objections"
    >
      {r.status === 'published' ? (
        <Typography.Paragraph type="secondary">
          {t(
            `公示期至 ${r.objectionUntil ?? '—'}。本组织党员对评定结果有异议的，可在公示期内提出。`,
            `Published until ${r.objectionUntil ?? '—'}; members of the organization may object until then.`,
          )}
        </Typography.Paragraph>
      ) : null}
      {r.objections.length ? (
        <List
          dataSource={r.objections}
          rowKey="id"
          renderItem={(o) => (
            <List.Item
              data-testid={`objection-${o.id}`}
              actions={
                canAnswer && o.status === 'open'
                  ? [
                      <Button key="up" size="small" onClick={() => onAnswer(o, true)} data-testid="uphold">
                        {t('异议成立', 'Uphold')}
                      </Button>,
                      <Button key="rej" size="small" danger onClick={() => onAnswer(o, false)} data-testid="reject">
                        {t('不成立', 'Reject')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'blue' : undefined}>
                      {lbl(OBJECTION_STATUSES, o.status)}
                    </Tag>
                    <span className="dj-muted">
                      {chinaDateTime(o.raisedAt)}
                      {o.raisedBy ? ` · ${o.raisedBy}` : ''}
                    </span>
                  </Space>
                }
                description={
                  <div>
                    <div style={{ whiteSpace: 'pre-wrap', color: 'inherit' }}>{o.reason}</div>
                    {o.reply ? (
                      <div style={{ marginTop: 4 }}>
                        <b>{t('答复：', 'Reply: ')}</b>
                        {o.reply}
                        <span className="dj-muted">
                          {o.answeredBy ? ` · ${o.answeredBy}` : ''}
                          {o.answeredAt ? ` · ${chinaDateTime(o.answeredAt)}` : ''}
                        </span>
                      </div>
                    ) : null}
                  </div>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('没有异议', 'No objection')}</Typography.Text>
      )}
    </Card>
  );
}

/** The assessor's answer to an objection: upheld (the result goes back to be rescored) or rejected, with a reason. */
export function AnswerModal({
  id,
  o,
  upheld: initial,
  onClose,
  onDone,
}: {
  id: number;
  o: Objection;
  upheld: boolean;
  onClose: () => void;
  onDone: (next: RatingDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ upheld: boolean; reply: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function ok() {
    let v: { upheld: boolean; reply: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<RatingDetail>(`/api/ratings/${id}/answer`, { objectionId: o.id, ...v }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('答复异议', 'Answer the objection')}
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} testId="answer-error" />
      <Typography.Paragraph>
        <b>{t('异议理由：', 'Reason: ')}</b>
        {o.reason}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ upheld: initial }}>
        <Form.Item name="upheld" label={t('答复结论', 'Decision')}>
          <Radio.Group
            options={[
              { value: true, label: t('异议成立，重新评定', 'Upheld: rescore') },
              { value: false, label: t('异议不成立', 'Rejected') },
            ]}
          />
        </Form.Item>
        <Field
          name="reply"
          label={t('答复意见', 'Reply')}
          required={t('请填写答复意见', 'Enter the reply')}
          whitespace
          max={500}
        >
          <Input.TextArea rows={3} data-testid="answer-reply" />
        </Field>
      </Form>
    </Modal>
  );
}
