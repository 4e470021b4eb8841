/** The dialog that records one of the three evaluations (三评), with the half-year figures filled from the ratings. */
import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { EVALUATION_GRADES, EVALUATION_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, usePeriod, useT } from '../../../app/i18n';
import { useMe } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { chinaToday, halfYearOf } from '../requests/requestModel';
import type { OrgDialogProps } from '../requests/RequestParts';
import { Field } from '../../../components/form/Field';
import { ErrorAlert } from '../../../components/form/ErrorAlert';

/** The default period of a kind for today. */
function defaultPeriod(kind: string): string {
  const today = chinaToday();
  if (kind === 'monthly_review') return today.slice(0, 7);
  if (kind === 'half_year_residents') return halfYearOf(today);
  return today.slice(0, 4);
}

/**
 * The periods one may choose, newest first: this year's and last year's months (monthly review), half-years
 * (half-year evaluation) or years (year-end); every kind's when no kind is given (the list's filter).
 */
export function recentPeriods(today: string, kind?: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (const y of [year, year - 1]) {
    if (!kind || kind === 'year_end_org') out.push(String(y));
    if (!kind || kind === 'half_year_residents') {
      if (y < year || month > 6) out.push(`${y}-H2`);
      out.push(`${y}-H1`);
    }
    if (!kind || kind === 'monthly_review')
      for (let m = y < year ? 12 : month; m >= 1; m--) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

const PERIOD_PATTERNS: Record<string, RegExp> = {
  monthly_review: /^\d{4}-(0[1-9]|1[0-2])$/,
  half_year_residents: /^\d{4}-H[12]$/,
  year_end_org: /^\d{4}$/,
};

/** The half-year evaluation's three counts: field, Chinese and English label. */
const COUNT_FIELDS = [
  ['satisfied', '满意', 'Satisfied'],
  ['fairlySatisfied', '基本满意', 'Basically satisfied'],
  ['dissatisfied', '不满意', 'Unsatisfied'],
] as const;

interface Suggest {
  satisfied?: number;
  fairlySatisfied?: number;
  dissatisfied?: number;
}

/** The dialog that records an evaluation. */
export function EvaluationModal({ orgId, orgName, onClose, onSaved }: OrgDialogProps<unknown>) {
  const t = useT();
  const opts = useEnumOptions();
  const period = usePeriod();
  const { data: me } = useMe();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) as string | undefined) ?? 'monthly_review';

  async function suggest() {
    const v = form.getFieldsValue();
    if (!v.orgId || !PERIOD_PATTERNS.half_year_residents.test(v.period ?? '')) {
      setError(t('请先选择组织和半年评价的周期', 'Choose the organization and the half-year first'));
      return;
    }
    try {
      const s = await api.get<Suggest>('/api/evaluations/suggest', {
        org: v.orgId,
        kind: 'half_year_residents',
        period: v.period,
      });
      const basically = s.fairlySatisfied ?? 0;
      form.setFieldsValue({
        satisfied: s.satisfied ?? 0,
        fairlySatisfied: basically,
        dissatisfied: s.dissatisfied ?? 0,
      });
      setHint(
        t(
          `已按本期办结诉求的群众评价填入：满意 ${s.satisfied ?? 0}，基本满意 ${basically}，不满意 ${s.dissatisfied ?? 0}`,
          `Filled from the ratings of the period: ${s.satisfied ?? 0} / ${basically} / ${s.dissatisfied ?? 0}`,
        ),
      );
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <FormModal
      title={t('录入评价', 'Record an evaluation')}
      form={form}
      width={620}
      onClose={onClose}
      onSubmit={(body) => {
        setError(null);
        return api.post('/api/evaluations', body);
      }}
      onSaved={onSaved}
      notice={
        <>
          <ErrorAlert error={error} />
          {hint ? <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} /> : null}
        </>
      }
      initialValues={{
        orgId,
        kind: 'monthly_review',
        period: defaultPeriod('monthly_review'),
        evaluatorName: me?.displayName,
      }}
      onValuesChange={(changed) => {
        if ('kind' in changed) form.setFieldsValue({ period: defaultPeriod(changed.kind as string) });
      }}
    >
      <Field label={t('被评组织', 'Organization')} name="orgId" required={t('请选择组织', 'Choose the organization')}>
        <OrgTreeSelect valueLabel={orgName} />
      </Field>
      <Space wrap align="start">
        <Field label={t('评价类型', 'Kind')} name="kind" required>
          <Select options={opts(EVALUATION_KINDS)} style={{ width: 220 }} />
        </Field>
        <Form.Item
          label={t('周期', 'Period')}
          name="period"
          rules={[
            {
              required: true,
              pattern: PERIOD_PATTERNS[kind],
              message: t('请选择周期', 'Choose the period'),
            },
          ]}
        >
          <Select
            style={{ width: 170 }}
            options={recentPeriods(chinaToday(), kind).map((p) => ({ value: p, label: period(p) }))}
          />
        </Form.Item>
      </Space>
      {kind === 'half_year_residents' ? (
        <>
          <Space wrap align="end">
            {COUNT_FIELDS.map(([name, zh, en]) => (
              <Field key={name} label={t(zh, en)} name={name} required={t('请填写', 'Required')}>
                <InputNumber min={0} precision={0} />
              </Field>
            ))}
            <Form.Item>
              <Button onClick={suggest} data-testid="evaluation-suggest">
                {t('按本期评价填入', 'Fill from the ratings')}
              </Button>
            </Form.Item>
          </Space>
        </>
      ) : null}
      {kind === 'year_end_org' ? (
        <Field label={t('等次', 'Grade')} name="grade" required={t('请选择等次', 'Choose the grade')}>
          <Select options={opts(EVALUATION_GRADES)} style={{ width: 160 }} />
        </Field>
      ) : null}
      <Field
        label={kind === 'monthly_review' ? t('点评意见', 'Review comments') : t('评价意见', 'Comments')}
        name="comments"
        max={2000}
        rules={
          kind === 'monthly_review'
            ? [{ required: true, whitespace: true, message: t('请填写点评意见', 'Write the comments') }]
            : []
        }
      >
        <Input.TextArea rows={3} />
      </Field>
      <Field
        label={t('评价人', 'Evaluator')}
        name="evaluatorName"
        required={t('请填写评价人', 'Name the evaluator')}
        whitespace
        max={40}
      >
        <Input />
      </Field>
    </FormModal>
  );
}
