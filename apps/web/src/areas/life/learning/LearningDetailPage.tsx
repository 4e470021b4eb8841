/** A learning item (`/learning/:id`): its material, the branches that held it; a branch records how it held it. */
import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LEARNING_HOLD_MODES, LEARNING_KINDS, type LearningDetailT, type LearningHoldT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { useMe } from '../../../app/session';
import { FigureHeading, Loaded } from '../../../components/Figures';
import { FormModal } from '../../../components/FormModal';

/** The item's page. */
export default function LearningDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['learning', id],
    queryFn: ({ signal }) => api.get<LearningDetailT>(`/api/learning/${id}`, {}, signal),
  });
  const [holding, setHolding] = useState(false);
  return (
    <Loaded q={q}>
      {(it) => (
        <>
          <FigureHeading
            title={it.topic}
            actions={
              it.canHold ? (
                <Button
                  type="primary"
                  onClick={() => setHolding(true)}
                  data-testid="learning-hold"
                  style={{ marginLeft: 'auto' }}
                >
                  {t('登记本支部落实', 'Record how we held it')}
                </Button>
              ) : null
            }
          />
          <Card>
            <Descriptions column={2} size="small">
              <Descriptions.Item
                label={t('月份', 'Month')}
              >{`${it.year}-${String(it.month).padStart(2, '0')}`}</Descriptions.Item>
              <Descriptions.Item label={t('学习类别', 'Kind')}>{lbl(LEARNING_KINDS, it.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('制定单位', 'Set by')}>{it.orgName}</Descriptions.Item>
              <Descriptions.Item label={t('材料链接', 'Link')}>{it.link ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('学习材料', 'Material')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{it.material}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={t(`各支部落实情况（${it.holds.length}）`, `Held by branches (${it.holds.length})`)}
            style={{ marginTop: 16 }}
          >
            <Table<LearningHoldT>
              rowKey="id"
              size="small"
              dataSource={it.holds}
              data-testid="learning-holds"
              locale={{ emptyText: t('还没有支部落实', 'No branch has held it yet') }}
              columns={[
                { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
                {
                  title: t('落实方式', 'How'),
                  dataIndex: 'mode',
                  render: (_: unknown, h) => <Tag>{lbl(LEARNING_HOLD_MODES, h.mode)}</Tag>,
                },
                { title: t('日期', 'Held on'), dataIndex: 'heldOn', width: 110 },
                { title: t('关联会议', 'Meeting'), dataIndex: 'meetingTopic', render: (v) => v ?? '—' },
                { title: t('参学人数', 'Present'), dataIndex: 'attended', width: 90 },
              ]}
            />
          </Card>
          {holding ? (
            <HoldModal
              item={it}
              onClose={() => setHolding(false)}
              onSaved={(d) => {
                qc.setQueryData(['learning', id], d);
                setHolding(false);
              }}
            />
          ) : null}
        </>
      )}
    </Loaded>
  );
}

type MeetingOption = { id: number; topic: string; heldOn: string; present: number };

/** The branch links a meeting of that month or records a study session with attendees from its roster. */
function HoldModal(props: { item: LearningDetailT; onClose: () => void; onSaved: (d: LearningDetailT) => void }) {
  const t = useT();
  const opts = useEnumOptions();
  const { data: me } = useMe();
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form) ?? 'meeting';
  const meetings = useQuery({
    queryKey: ['learning-meetings', props.item.id],
    queryFn: ({ signal }) => api.get<{ items: MeetingOption[] }>(`/api/learning/${props.item.id}/meetings`, {}, signal),
  });
  const roster = useQuery({
    queryKey: ['learning-roster', me?.orgId],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: number; name: string }[] }>('/api/members', { org: me?.orgId, pageSize: 500 }, signal),
    enabled: mode === 'session',
  });
  return (
    <FormModal<LearningDetailT>
      title={t('登记本支部落实', 'Record how we held it')}
      form={form}
      initialValues={{ mode: 'meeting' }}
      onSubmit={(body) => {
        const day = body.heldOn as { format?: (f: string) => string } | undefined;
        return api.post<LearningDetailT>(`/api/learning/${props.item.id}/holds`, {
          ...body,
          heldOn: day?.format ? day.format('YYYY-MM-DD') : undefined,
        });
      }}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <Form.Item name="mode" label={t('落实方式', 'How')} rules={[{ required: true }]}>
        <Radio.Group options={opts(LEARNING_HOLD_MODES)} />
      </Form.Item>
      {mode === 'meeting' ? (
        <Form.Item name="meetingId" label={t('会议', 'Meeting')} rules={[{ required: true }]}>
          <Select
            data-testid="learning-meeting"
            loading={meetings.isLoading}
            notFoundContent={t('本支部该月还没有已召开的会议', 'No meeting of that month yet')}
            options={(meetings.data?.items ?? []).map((m) => ({
              value: m.id,
              label: t(
                `${m.heldOn} ${m.topic}（出席 ${m.present} 人）`,
                `${m.heldOn} ${m.topic} (${m.present} present)`,
              ),
            }))}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="heldOn" label={t('学习日期', 'Held on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label={t('学习地点', 'Place')}>
            <Input count={{ show: true, max: 60 }} />
          </Form.Item>
          <Form.Item name="attendeeIds" label={t('参学党员', 'Attendees')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={roster.isLoading}
              options={(roster.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('学习情况', 'Note')}>
            <Input.TextArea rows={2} count={{ show: true, max: 500 }} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
