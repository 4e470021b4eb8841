/** A village's funds record (`/economy/funds/new`): the village, year, kind, source, amount in 元 and a note. */
import { Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { chinaToday, FUND_KINDS, FUND_SOURCES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import type { FundItem } from './fundModel';

interface Values {
  orgId: number;
  year: number;
  kind: string;
  source: string;
  amountYuan: number;
  note?: string;
}

const thisYear = Number(chinaToday().slice(0, 4));

/** The funds form. */
export default function FundFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const home = useHomeOrg();
  usePageCrumb(t('录入经费', 'Enter funds'));
  return (
    <EntityForm<Values, FundItem>
      title={t('录入村级经费', 'Enter funds of a village')}
      initialValues={{ orgId: home.id, year: thisYear, source: 'county' }}
      onSubmit={(v) =>
        api.post<FundItem>('/api/economy/funds', {
          orgId: v.orgId,
          year: v.year,
          kind: v.kind,
          source: v.source,
          amountFen: Math.round(v.amountYuan * 100),
          note: v.note?.trim() || null,
        })
      }
      onSaved={() => {
        qc.invalidateQueries({ queryKey: ['economy/funds'] });
        navigate('/economy/funds');
      }}
      fieldOfCode={{ 'funds.not_village': 'orgId' }}
      submitLabel={t('保存', 'Save')}
      submitTestId="save-fund"
    >
      <Row gutter={16}>
        <OrgField col="half" label={t('村', 'Village')} required={t('请选择村', 'Choose the village')} />
        <Field col="half" label={t('年度', 'Year')} name="year" required={t('请选择年度', 'Choose the year')}>
          <Select
            options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
          />
        </Field>
        <Field col="half" label={t('经费类别', 'Kind')} name="kind" required={t('请选择类别', 'Choose the kind')}>
          <Select options={opts(FUND_KINDS)} data-testid="fund-kind" />
        </Field>
        <Field col="half" label={t('来源', 'Source')} name="source" required={t('请选择来源', 'Choose the source')}>
          <Select options={opts(FUND_SOURCES)} />
        </Field>
        <Field
          col="half"
          label={t('金额（元）', 'Amount (yuan)')}
          name="amountYuan"
          required={t('请填写金额', 'Enter it')}
        >
          <InputNumber min={0.01} max={20_000_000} precision={2} style={{ width: '100%' }} data-testid="fund-amount" />
        </Field>
        <Field col="full" label={t('说明', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </EntityForm>
  );
}
