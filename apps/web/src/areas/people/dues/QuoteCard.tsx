/** The quote box: a category and a monthly income give the month's dues and the rule version that says so. */
import { useState } from 'react';
import { Alert, Button, Card, Form, InputNumber, Select, Space } from 'antd';
import { DUES_CATEGORIES, type DuesQuoteT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { showFieldError } from '../../../components/formErrors';
import { yuan } from './money';
import { useMonthOptions } from './parts';

/** The rate categories: the income decides their dues. */
const BY_INCOME = new Set(['employed', 'retired']);

/** The quote card of the rules page. */
export function QuoteCard() {
  const t = useT();
  const opts = useEnumOptions();
  const months = useMonthOptions(24);
  const [form] = Form.useForm<{ category: string; monthlyIncome?: number; month: string }>();
  const category = Form.useWatch('category', form);
  const [answer, setAnswer] = useState<DuesQuoteT | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function quote(v: { category: string; monthlyIncome?: number; month: string }) {
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await api.get<DuesQuoteT>('/api/dues/quote', v));
    } catch (e) {
      if (!showFieldError(form, e, { 'dues.income_required': 'monthlyIncome' })) setError((e as Error).message);
    }
  }
  return (
    <Card title={t('党费测算', 'Check a member’s dues')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ category: 'employed', month: months[0]?.value }}
        onFinish={quote}
        onValuesChange={() => setAnswer(null)}
      >
        <Form.Item name="category" label={t('人员类别', 'Category')}>
          <Select options={opts(DUES_CATEGORIES)} style={{ width: 180 }} data-testid="quote-category" />
        </Form.Item>
        {BY_INCOME.has(category) ? (
          <Form.Item
            name="monthlyIncome"
            label={t('税后月收入（元）', 'Monthly income after tax (元)')}
            rules={[{ required: true, message: t('请填写月收入', 'Enter the income') }]}
          >
            <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="quote-income" />
          </Form.Item>
        ) : null}
        <Form.Item name="month" label={t('月份', 'Month')}>
          <Select options={months} style={{ width: 130 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="quote-run">
          {t('测算', 'Check')}
        </Button>
      </Form>
      {answer ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="quote-answer"
          title={
            <Space wrap>
              <b>{t(`每月应交党费 ${yuan(answer.amount)} 元`, `${yuan(answer.amount)} 元 a month`)}</b>
              <span>{t(`（按第 ${answer.ruleVersion} 版标准）`, `(rules version ${answer.ruleVersion})`)}</span>
            </Space>
          }
        />
      ) : null}
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} /> : null}
    </Card>
  );
}
