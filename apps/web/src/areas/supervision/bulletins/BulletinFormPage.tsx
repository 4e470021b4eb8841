/**
 * Generate a bulletin (`/bulletins/new`): the organization (the caller's or one below), the kind, the period (a
 * quarter, a month, a year or from/to) and an optional title; the server computes the draft from the records.
 */
import { Form, Input, Radio, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { BULLETIN_KINDS, type BulletinDetailT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';

type Span = 'quarter' | 'month' | 'year' | 'range';
interface Values {
  orgId: number;
  kind: string;
  span: Span;
  year: number;
  quarter: number;
  month: string;
  from?: string;
  to?: string;
  title?: string;
}

/** The last completed quarter (a quarterly bulletin looks back) as year and quarter. */
function lastQuarter(): { year: number; quarter: number } {
  const d = new Date();
  const q = Math.floor(d.getMonth() / 3);
  return q === 0 ? { year: d.getFullYear() - 1, quarter: 4 } : { year: d.getFullYear(), quarter: q };
}

/** The period key or range of the form's values. */
function periodOf(v: Values): { period?: string; from?: string; to?: string } {
  if (v.span === 'quarter') return { period: `${v.year}-Q${v.quarter}` };
  if (v.span === 'year') return { period: String(v.year) };
  if (v.span === 'month') return { period: v.month };
  return { from: v.from, to: v.to };
}

/** The generate form. */
export default function BulletinFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const home = useHomeOrg();
  const [form] = Form.useForm<Values>();
  const span = Form.useWatch('span', form) ?? 'quarter';
  usePageCrumb(t('生成通报', 'Generate'));
  const lq = lastQuarter();
  const now = new Date();
  const years = Array.from({ length: 5 }, (_, k) => ({
    value: now.getFullYear() - k,
    label: `${now.getFullYear() - k}年`,
  }));
  return (
    <EntityForm<Values, BulletinDetailT>
      title={t('生成通报简报', 'Generate a bulletin')}
      intro={
        <p className="dj-muted">
          {t(
            '通报内容由系统按所选组织和期间从组织生活、发展党员、党费、为民服务、任务、督查、问题整改等业务数据自动生成；' +
              '生成后为草稿，可编辑导语和结语、调整栏目顺序、重新生成，印发后内容固定并自动编号。',
            'The content is computed from the records; the draft can be edited and regenerated, and is frozen and ' +
              'numbered when issued.',
          )}
        </p>
      }
      form={form}
      initialValues={{
        orgId: home.id,
        kind: 'quarterly',
        span: 'quarter',
        year: lq.year,
        quarter: lq.quarter,
        month: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`,
      }}
      onSubmit={(v) =>
        api.post<BulletinDetailT>('/api/bulletins', {
          orgId: v.orgId,
          kind: v.kind,
          ...periodOf(v),
          title: v.title?.trim() || undefined,
        })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['bulletins'] });
        navigate(`/bulletins/${r.id}`);
      }}
      fieldOfCode={{ 'bulletins.bad_period': span === 'range' ? 'to' : 'span' }}
      submitLabel={t('生成草稿', 'Generate the draft')}
      submitTestId="generate-bulletin"
    >
      <Row gutter={16}>
        <OrgField col="half" label={t('统计范围（党组织）', 'Organization')} required={t('请选择党组织', 'Choose')} />
        <Field col="half" label={t('类型', 'Kind')} name="kind" required>
          <Select options={opts(BULLETIN_KINDS)} data-testid="bulletin-kind" />
        </Field>
        <Field col="full" label={t('统计期间', 'Period')} name="span">
          <Radio.Group
            optionType="button"
            data-testid="bulletin-span"
            options={[
              { value: 'quarter', label: t('季度', 'Quarter') },
              { value: 'month', label: t('月份', 'Month') },
              { value: 'year', label: t('全年', 'Year') },
              { value: 'range', label: t('起止日期', 'From/to') },
            ]}
          />
        </Field>
        {span === 'quarter' || span === 'year' ? (
          <Field col="half" label={t('年度', 'Year')} name="year" required>
            <Select options={years} />
          </Field>
        ) : null}
        {span === 'quarter' ? (
          <Field col="half" label={t('季度', 'Quarter')} name="quarter" required>
            <Select
              data-testid="bulletin-quarter"
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t(`第${'一二三四'[q - 1]}季度`, `Q${q}`) }))}
            />
          </Field>
        ) : null}
        {span === 'month' ? (
          <Field
            col="half"
            label={t('月份（年-月）', 'Month (YYYY-MM)')}
            name="month"
            required
            rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('格式如 2026-07', 'Like 2026-07') }]}
          >
            <Input placeholder="2026-07" />
          </Field>
        ) : null}
        {span === 'range' ? (
          <>
            <Field col="half" label={t('起始日期', 'From')} name="from" required>
              <DateField />
            </Field>
            <Field col="half" label={t('截止日期', 'To')} name="to" required>
              <DateField />
            </Field>
          </>
        ) : null}
        <Field col="full" label={t('标题（不填则自动生成）', 'Title (generated when empty)')} name="title" max={80}>
          <Input placeholder={t('如：某某县2026年第三季度基层党建工作通报', 'E.g. the county’s Q3 bulletin')} />
        </Field>
      </Row>
    </EntityForm>
  );
}
