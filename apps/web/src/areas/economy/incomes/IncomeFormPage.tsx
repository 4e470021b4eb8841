/**
 * A village's collective income (`/economy/incomes/new`): the village (its own for a village's account), the year,
 * the source, the amount in 万元, the note and the evidence (words and photos). It goes to the township for review.
 */
import { useState } from 'react';
import { Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { chinaToday, INCOME_SOURCES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import { fenOfWan } from '../money';
import { type IncomeDetail, uploadPhotos } from './incomeModel';

interface Values {
  orgId: number;
  year: number;
  source: string;
  amountWan: number;
  note?: string;
  evidence?: string;
}

const thisYear = Number(chinaToday().slice(0, 4));

/** The income form. */
export default function IncomeFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const home = useHomeOrg();
  const [files, setFiles] = useState<File[]>([]);
  usePageCrumb(t('填报收入', 'Enter an income'));
  return (
    <EntityForm<Values, IncomeDetail>
      title={t('填报村集体经济收入', 'Enter collective income')}
      intro={
        <p className="dj-muted">
          {t(
            '按收入来源逐笔填报，附佐证材料；乡镇审核通过后计入该村当年集体经济收入，并据此划分振兴村、富裕村、小康村和薄弱村。',
            'Enter each income with its evidence; once the township accepts it, it counts towards the village’s class.',
          )}
        </p>
      }
      initialValues={{ orgId: home.id, year: thisYear - 1 }}
      onSubmit={async (v) => {
        const r = await api.post<IncomeDetail>('/api/economy/incomes', {
          orgId: v.orgId,
          year: v.year,
          source: v.source,
          amountFen: fenOfWan(v.amountWan),
          note: v.note?.trim() || null,
          evidence: v.evidence?.trim() || null,
        });
        await uploadPhotos(r.id, files);
        return r;
      }}
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['economy/incomes'] });
        navigate(`/economy/incomes/${r.id}`);
      }}
      fieldOfCode={{
        'incomes.not_village': 'orgId',
        'incomes.village_required': 'orgId',
        'incomes.future_year': 'year',
      }}
      submitLabel={t('提交审核', 'Submit for review')}
      submitTestId="save-income"
    >
      <Row gutter={16}>
        <OrgField col="half" label={t('村', 'Village')} required={t('请选择村', 'Choose the village')} />
        <Field col="half" label={t('年度', 'Year')} name="year" required={t('请选择年度', 'Choose the year')}>
          <Select
            options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
            data-testid="income-year"
          />
        </Field>
        <Field col="half" label={t('收入来源', 'Source')} name="source" required={t('请选择来源', 'Choose the source')}>
          <Select options={opts(INCOME_SOURCES)} data-testid="income-source" />
        </Field>
        <Field
          col="half"
          label={t('金额（万元）', 'Amount (10k yuan)')}
          name="amountWan"
          required={t('请填写金额', 'Enter the amount')}
        >
          <InputNumber min={0.01} max={2000} precision={2} style={{ width: '100%' }} data-testid="income-amount" />
        </Field>
        <Field col="full" label={t('说明', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
        <Field col="full" label={t('佐证材料', 'Evidence')} name="evidence" max={1000}>
          <Input.TextArea
            rows={2}
            placeholder={t('如：合同编号、入账凭证号', 'E.g. the contract, the receipt')}
            data-testid="income-evidence"
          />
        </Field>
      </Row>
      <label className="dj-muted" htmlFor="income-photos">
        {t('佐证照片（JPEG/PNG，可多张）', 'Evidence photos (JPEG/PNG)')}
      </label>
      <input
        id="income-photos"
        type="file"
        accept="image/jpeg,image/png"
        multiple
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
        data-testid="income-photos"
      />
    </EntityForm>
  );
}
