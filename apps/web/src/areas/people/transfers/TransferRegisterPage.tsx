/**
 * Register a letter from outside the platform (`/transfers/register`): the person, the letter and the receiving
 * organization of the subtree; the person is recorded as its member when the letter is accepted.
 */
import { Input, Radio, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { GENDERS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import type { TransferDetail } from './transferModel';

interface Values {
  orgId: number;
  name: string;
  gender: string;
  idNumber: string;
  phone?: string;
  joinedAt: string;
  fromOrgName: string;
  letterNo: string;
  issuedOn: string;
  validUntil: string;
  duesPaidTo: string;
}

/** The registration form. */
export default function TransferRegisterPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageCrumb(t('登记系统外转入', 'Register a letter from outside'));
  const req = (zh: string, en: string) => t(`请填写${zh}`, `Fill in ${en}`);
  return (
    <EntityForm<Values, TransferDetail>
      title={t('登记系统外转入的介绍信', 'Register a letter from outside the platform')}
      onSubmit={(v) =>
        api.post<TransferDetail>('/api/transfers/register', { ...v, phone: v.phone?.trim() || undefined })
      }
      onSaved={(r) => {
        qc.invalidateQueries({ queryKey: ['transfers'] });
        navigate(`/transfers/${r.id}`);
      }}
      fieldOfCode={{ 'transfers.invalid_validity': 'validUntil', 'transfers.invalid_dues_month': 'duesPaidTo' }}
      submitLabel={t('登记', 'Register')}
      submitTestId="save-register"
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('转入党组织', 'Receiving organization')}
          name="orgId"
          required={req('转入党组织', 'the organization')}
        >
          <OrgTreeSelect />
        </Field>
        <Field
          col="half"
          label={t('转出党组织（系统外）', 'Sending organization (outside)')}
          name="fromOrgName"
          required
          whitespace
          max={80}
        >
          <Input />
        </Field>
        <Field col="third" label={t('姓名', 'Name')} name="name" required whitespace max={40}>
          <Input />
        </Field>
        <Field col="third" label={t('性别', 'Sex')} name="gender" required>
          <Radio.Group optionType="button" options={opts(GENDERS)} />
        </Field>
        <Field col="third" label={t('身份证号', 'ID number')} name="idNumber" required whitespace max={18}>
          <Input />
        </Field>
        <Field col="third" label={t('入党日期', 'Joined on')} name="joinedAt" required>
          <DateField maxToday />
        </Field>
        <Field col="third" label={t('手机号码', 'Mobile')} name="phone" max={20}>
          <Input />
        </Field>
        <Field col="third" label={t('介绍信编号', 'Letter number')} name="letterNo" required whitespace max={40}>
          <Input />
        </Field>
        <Field col="third" label={t('开具日期', 'Issued on')} name="issuedOn" required>
          <DateField maxToday />
        </Field>
        <Field col="third" label={t('有效期至', 'Valid until')} name="validUntil" required>
          <DateField />
        </Field>
        <Field
          col="third"
          label={t('党费交至（年-月）', 'Dues paid to (YYYY-MM)')}
          name="duesPaidTo"
          required
          rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('格式如 2026-05', 'Like 2026-05') }]}
        >
          <Input placeholder="2026-05" />
        </Field>
      </Row>
    </EntityForm>
  );
}
