/** The rules in force (`/meeting-rules`): each kind's cadence and minimum for a year; the county admin overrides a kind for a year. */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { CADENCES, MEETING_KIND_LABELS, ORG_TYPES } from '@dangjian/contracts';
import { request } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { thisYear, type FrequencyRule, type RuleInForce, type RulesAnswer } from './model';
import { useRules } from './parts';

interface RuleValues {
  required: boolean;
  every: FrequencyRule['every'];
  min: number;
  perMember: boolean;
  fixedDay: number | null;
}

function RuleEditor({ year, row, onClose }: { year: number; row: RuleInForce; onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [form] = Form.useForm<RuleValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = Form.useWatch('required', form);
  const every = Form.useWatch('every', form);
  const r = row.rule;

  async function submit(v: RuleValues) {
    setBusy(true);
    setError(null);
    const rule = v.required
      ? {
          every: v.every,
          min: v.min,
          ...(v.perMember ? { perMember: true } : {}),
          ...(v.every === 'month' && v.fixedDay ? { fixedDay: v.fixedDay } : {}),
        }
      : null;
    try {
      const next = await request<RulesAnswer>('PUT', `/api/meeting-rules/${year}/${row.kind}`, { body: { rule } });
      qc.setQueryData(['meeting-rules', year], next);
      qc.invalidateQueries({ queryKey: ['compliance'] });
      message.success(
        t(
          `已更新 ${year} 年「${lbl(MEETING_KIND_LABELS, row.kind)}」的要求`,
          `${lbl(MEETING_KIND_LABELS, row.kind)} for ${year} updated`,
        ),
      );
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      onCancel={onClose}
      title={t(
        `调整 ${year} 年「${lbl(MEETING_KIND_LABELS, row.kind)}」的要求`,
        `${lbl(MEETING_KIND_LABELS, row.kind)}: the rule for ${year}`,
      )}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      <div data-testid="rule-editor">
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
        <Form<RuleValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            required: !!r,
            every: r?.every ?? 'month',
            min: r?.min ?? 1,
            perMember: !!r?.perMember,
            fixedDay: r?.fixedDay ?? null,
          }}
        >
          <Form.Item name="required" label={t('本年度', 'This year')}>
            <Radio.Group
              options={[
                { value: true, label: t('要求召开', 'Required') },
                { value: false, label: t('不作要求', 'Not required') },
              ]}
              optionType="button"
            />
          </Form.Item>
          {required ? (
            <>
              <Space wrap align="start">
                <Form.Item name="every" label={t('周期', 'Every')} rules={[{ required: true }]}>
                  <Select options={opts(CADENCES)} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item
                  name="min"
                  label={t('每周期至少（次）', 'At least (times)')}
                  rules={[{ required: true, message: t('请输入次数', 'Enter a number') }]}
                >
                  <InputNumber min={1} max={31} precision={0} style={{ width: 120 }} />
                </Form.Item>
                {every === 'month' ? (
                  <Form.Item name="fixedDay" label={t('固定日（每月几日，可空）', 'Fixed day of the month (optional)')}>
                    <InputNumber min={1} max={31} precision={0} style={{ width: 120 }} />
                  </Form.Item>
                ) : null}
              </Space>
              <Form.Item name="perMember" valuePropName="checked">
                <Checkbox>{t('按每名党员计（如谈心谈话）', 'Counted per member (e.g. heart-to-heart talks)')}</Checkbox>
              </Form.Item>
            </>
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t(`${year} 年不检查此类会议的落实情况。`, `This kind is not checked in ${year}.`)}
            />
          )}
        </Form>
      </div>
    </Modal>
  );
}

/** The rules page. */
export default function RulesPage() {
  const t = useT();
  const lbl = useLabel();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const canEdit = hasCap(me, 'meetings.rules');
  const q = useRules(year);
  const [editing, setEditing] = useState<RuleInForce | null>(null);

  return (
    <Card>
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('组织生活制度要求', 'Organizational life: the rules')}
        </Typography.Title>
        <Select
          aria-label={t('年度', 'Year')}
          value={year}
          onChange={(y) => setParams({ year: String(y) }, { replace: true })}
          style={{ width: 110, marginLeft: 'auto' }}
          options={Array.from({ length: 8 }, (_, i) => thisYear() + 1 - i).map((y) => ({
            value: y,
            label: t(`${y}年`, String(y)),
          }))}
          data-testid="rules-year"
        />
      </div>
      <p className="dj-muted" style={{ marginTop: 0 }}>
        {t(
          '默认依据《中国共产党支部工作条例（试行）》；县委组织部可逐年调整，调整后以本县要求为准。',
          'National defaults (the branch work regulations); the county may override a kind for a year.',
        )}
      </p>
      {q.error ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<RuleInForce>
          rowKey="kind"
          loading={q.isFetching}
          dataSource={q.data?.rules ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="rules-table"
          columns={[
            {
              title: t('会议类型', 'Kind'),
              dataIndex: 'kind',
              width: 150,
              render: (v: string) => <b>{lbl(MEETING_KIND_LABELS, v)}</b>,
            },
            {
              title: t('周期', 'Every'),
              width: 130,
              render: (_, r) =>
                r.rule ? lbl(CADENCES, r.rule.every) : <Tag>{t('本年度不作要求', 'Not required this year')}</Tag>,
            },
            { title: t('至少（次）', 'At least'), width: 90, align: 'right', render: (_, r) => r.rule?.min ?? '—' },
            {
              title: t('按党员计', 'Per member'),
              width: 90,
              render: (_, r) => (r.rule?.perMember ? t('是', 'Yes') : '—'),
            },
            {
              title: t('固定日', 'Fixed day'),
              width: 90,
              render: (_, r) => (r.rule?.fixedDay ? t(`每月 ${r.rule.fixedDay} 日`, `Day ${r.rule.fixedDay}`) : '—'),
            },
            {
              title: t('适用组织', 'Applies to'),
              dataIndex: 'appliesTo',
              render: (v: string[]) => v.map((x) => lbl(ORG_TYPES, x)).join('、'),
            },
            {
              title: t('依据', 'Source'),
              dataIndex: 'source',
              width: 100,
              render: (v: string) =>
                v === 'county' ? (
                  <Tag color="red">{t('本县调整', 'County')}</Tag>
                ) : (
                  <Tag>{t('国家规定', 'National')}</Tag>
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('操作', 'Actions'),
                    width: 90,
                    render: (_: unknown, r: RuleInForce) => (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(r)}
                        aria-label={t(
                          `调整「${lbl(MEETING_KIND_LABELS, r.kind)}」`,
                          `Change ${lbl(MEETING_KIND_LABELS, r.kind)}`,
                        )}
                      >
                        {t('调整', 'Change')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing ? <RuleEditor year={year} row={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
