/**
 * A new application (`/development/new?org=`): the applicant, the day the letter was handed in, the plan year it
 * counts against. The ID number gives gender and birth date; a number already on the path is refused on its field.
 */
import { Form, Input, InputNumber, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { EDUCATIONS, ETHNICITIES, MEMBER_CATEGORIES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { useFeedback } from '../../../components/feedback';
import { Field } from '../../../components/form/Field';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import { type Candidate, DEVELOPMENT_KEYS } from './candidateModel';
import { chinaYearNow } from './planModel';

interface Values {
  orgId: number;
  name: string;
  idNumber: string;
  phone?: string;
  ethnicity?: string;
  education?: string;
  category?: string;
  appliedOn: string;
  planYear?: number;
  note?: string;
}

/** The application form. */
export default function CandidateFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [params] = useSearchParams();
  const home = useHomeOrg();
  const [form] = Form.useForm<Values>();
  usePageCrumb(t('登记入党申请', 'New application'));
  const orgId = Number(params.get('org')) || home.id;
  const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);

  return (
    <EntityForm<Values, Candidate>
      title={t('登记入党申请', 'New application')}
      intro={
        <p className="dj-muted">
          {t(
            '从递交入党申请书之日起，党组织应在一个月内派人谈话；其后各步骤的时限由发展党员规则计算。',
            'The branch talks with the applicant within a month of the letter; the later deadlines follow the rules.',
          )}
        </p>
      }
      form={form}
      initialValues={{ orgId, planYear: chinaYearNow() }}
      onSubmit={(v) =>
        api.post<Candidate>('/api/development', {
          orgId: v.orgId,
          name: v.name.trim(),
          idNumber: v.idNumber.trim(),
          phone: blank(v.phone),
          ethnicity: v.ethnicity,
          education: v.education,
          category: v.category,
          appliedOn: v.appliedOn,
          planYear: v.planYear,
          note: blank(v.note),
        })
      }
      onSaved={(c) => {
        message.success(t('入党申请已登记', 'Application recorded'));
        for (const k of DEVELOPMENT_KEYS) qc.invalidateQueries({ queryKey: [k] });
        navigate(`/development/${c.id}`);
      }}
      onCancel={() => navigate(-1)}
      submitTestId="save-candidate"
    >
      <Row gutter={16}>
        <OrgField col="half" label={t('所在党组织', 'Organization')} required={t('请选择党组织', 'Choose one')} />
        <Field col="half" label={t('姓名', 'Name')} name="name" required={t('请输入姓名', 'Enter the name')} whitespace>
          <Input data-testid="candidate-name" />
        </Field>
        <Field
          col="half"
          label={t('公民身份号码', 'ID number')}
          name="idNumber"
          required={t('请输入身份证号码', 'Enter the ID number')}
        >
          <Input data-testid="candidate-id" />
        </Field>
        <Field col="half" label={t('手机号码', 'Mobile phone')} name="phone">
          <Input />
        </Field>
        <Field
          col="half"
          label={t('递交申请日期', 'Applied on')}
          name="appliedOn"
          required={t('请选择递交入党申请书的日期', 'Choose the day of the letter')}
        >
          <DateField maxToday />
        </Field>
        <Field col="half" label={t('计划年度', 'Plan year')} name="planYear">
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Field>
        <Field col="third" label={t('民族', 'Ethnicity')} name="ethnicity">
          <Select allowClear options={opts(ETHNICITIES)} />
        </Field>
        <Field col="third" label={t('学历', 'Education')} name="education">
          <Select allowClear options={opts(EDUCATIONS)} />
        </Field>
        <Field col="third" label={t('人员类别', 'Category')} name="category">
          <Select allowClear options={opts(MEMBER_CATEGORIES)} />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note">
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </EntityForm>
  );
}
