/**
 * A new version of the dues rules (county only): the first month it applies to, and each category's scale,
 * starting from the latest version's. The server refuses a month already billed or not after the latest.
 */
import { Button, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { chinaToday, DUES_CATEGORIES, type DuesRuleT, type DuesScalesT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { monthsBefore } from './money';

type Category = keyof DuesScalesT;

/** The dialog that adds a version. */
export function RuleFormModal({
  latest,
  onClose,
  onSaved,
}: {
  latest: DuesRuleT;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const [form] = Form.useForm();
  const next = monthsBefore(chinaToday().slice(0, 7), -1);
  const num = (min = 0, max = 10_000_000) => (
    <InputNumber min={min} max={max} precision={2} style={{ width: '100%' }} />
  );
  return (
    <FormModal
      title={t('新增党费标准版本', 'Add a version of the dues rules')}
      form={form}
      width={760}
      initialValues={{ validFrom: next, scales: latest.scales, note: null }}
      onSubmit={(body) => {
        const scales = body.scales as DuesScalesT;
        for (const s of Object.values(scales))
          if (s.kind === 'rate') s.brackets = s.brackets.map((b) => ({ upTo: b.upTo ?? null, percent: b.percent }));
        return api.post('/api/dues/rules', { ...body, scales });
      }}
      onSaved={() => {
        message.success(t('已新增标准版本', 'Version added'));
        onSaved();
      }}
      onClose={onClose}
      notice={t(
        '新版本从起始月份起用于新生成的账单；已生成的账单保留其原版本。档次上限留空表示不设上限。',
        'The version applies to bills made from its first month; bills already made keep theirs. An empty ' +
          'upper bound means no bound.',
      )}
      fieldOfCode={{ 'dues.rule_not_later': 'validFrom', 'dues.rule_month_billed': 'validFrom' }}
    >
      <Form.Item
        name="validFrom"
        label={t('起始月份', 'First month')}
        rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('格式为 YYYY-MM', 'As YYYY-MM') }]}
      >
        <Input style={{ width: 160 }} placeholder="2027-01" />
      </Form.Item>
      {(Object.keys(latest.scales) as Category[]).map((cat) => (
        <div key={cat} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{lbl(DUES_CATEGORIES, cat)}</Typography.Text>
          <Form.Item name={['scales', cat, 'kind']} hidden>
            <Input />
          </Form.Item>
          {latest.scales[cat].kind === 'rate' ? (
            <Form.List name={['scales', cat, 'brackets']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row key={f.key} gutter={8} align="middle">
                      <Col span={10}>
                        <Form.Item name={[f.name, 'upTo']} label={t('月收入上限（元）', 'Up to (元)')}>
                          {num()}
                        </Form.Item>
                      </Col>
                      <Col span={10}>
                        <Form.Item
                          name={[f.name, 'percent']}
                          label={t('比例（%）', 'Rate (%)')}
                          rules={[{ required: true, message: t('请填写比例', 'Enter the rate') }]}
                        >
                          {num(0, 10)}
                        </Form.Item>
                      </Col>
                      <Col span={4}>
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t('删除该档', 'Remove this bracket')}
                          onClick={() => remove(f.name)}
                          disabled={fields.length <= 1}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add({ upTo: null, percent: 1 })}>
                    {t('增加一档', 'Add a bracket')}
                  </Button>
                </>
              )}
            </Form.List>
          ) : (
            <Space wrap>
              <Form.Item name={['scales', cat, 'amount']} label={t('默认（元）', 'Default (元)')}>
                {num(0, 1000)}
              </Form.Item>
              <Form.Item name={['scales', cat, 'min']} label={t('最低（元）', 'Least (元)')}>
                {num(0, 1000)}
              </Form.Item>
              <Form.Item name={['scales', cat, 'max']} label={t('最高（元）', 'Most (元)')}>
                {num(0, 1000)}
              </Form.Item>
            </Space>
          )}
        </div>
      ))}
      <Form.Item name="note" label={t('说明', 'Note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
