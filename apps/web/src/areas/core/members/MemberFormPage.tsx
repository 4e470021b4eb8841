/** Create or edit a member; validates as you type (ID check digit, phone) and fills birth date and sex from the ID. */
import { Form, Input, Radio, Row, Select } from 'antd';
import { useNavigate } from 'react-router';
import {
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  type MemberCreateT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { Member } from '../../../api/types';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { OrgField, useHomeOrg } from '../../../components/form/OrgField';
import { EntityForm } from '../../../components/EntityForm';
import { Field, keepNote } from '../../../components/form/Field';
import { useAfterSave, useEditedRecord } from '../../../components/form/recordPage';
import { parseIdNumber } from './idNumber';
import { laterThan, mobileRule, useIdNumberRule } from '../../../components/form/rules';

/** The form's values: the contracts' create body (the ID number kept when left empty on an edit). */
type Values = Omit<MemberCreateT, 'idNumber' | 'phone'> & { idNumber?: string; phone?: string };

/** The member form (`/members/new`, `/members/:id/edit`). */
export default function MemberFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  const home = useHomeOrg();
  const [form] = Form.useForm<Values>();
  const { editing, record, gate } = useEditedRecord<Member, Values>('member', '/api/members', form, (m) => ({
    orgId: m.orgId,
    name: m.name,
    gender: m.gender,
    birthDate: m.birthDate,
    phone: undefined,
    ethnicity: m.ethnicity,
    education: m.education,
    category: m.category,
    joinedAt: m.joinedAt,
    fullMemberAt: m.fullMemberAt,
    status: m.status,
  }));
  usePageCrumb(editing ? record?.name : t('新增党员', 'New member'));
  if (gate) return gate;

  const idRule = useIdNumberRule(true);

  async function submit(v: Values): Promise<Member> {
    const body: Record<string, unknown> = {
      orgId: v.orgId,
      name: v.name.trim(),
      gender: v.gender,
      birthDate: v.birthDate,
      ethnicity: v.ethnicity ?? null,
      education: v.education ?? null,
      category: v.category ?? null,
      joinedAt: v.joinedAt,
      fullMemberAt: v.fullMemberAt ?? null,
      status: v.status,
    };
    if (v.idNumber) body.idNumber = v.idNumber.trim().toUpperCase();
    if (v.phone) body.phone = v.phone.trim();
    else if (!editing) body.phone = null;
    return editing ? api.patch<Member>(`/api/members/${editing}`, body) : api.post<Member>('/api/members', body);
  }

  function saved(m: Member) {
    afterSave(['members', 'member', 'stats'], `/members/${m.id}`, t(`已保存「${m.name}」`, `"${m.name}" saved`));
  }

  return (
    <EntityForm<Values, Member>
      title={
        editing
          ? t(`编辑党员：${record?.name ?? ''}`, `Edit member: ${record?.name ?? ''}`)
          : t('新增党员', 'New member')
      }
      form={form}
      onSubmit={submit}
      onSaved={saved}
      onCancel={() => navigate(-1)}
      submitTestId="save-member"
      initialValues={{ status: 'full', orgId: home.id, ethnicity: 'han' }}
      onValuesChange={(changed) => {
        if ('idNumber' in changed) {
          const info = parseIdNumber(String(changed.idNumber ?? ''));
          if (info.ok) form.setFieldsValue({ birthDate: info.birthDate, gender: info.gender });
        }
      }}
    >
      <Row gutter={16}>
        <OrgField
          col="half"
          label={t('所在组织', 'Organization')}
          required={t('请选择所在党组织', 'Choose the organization')}
          current={record?.orgName}
        />
        <Field
          col="half"
          label={t('姓名', 'Name')}
          name="name"
          required={t('请输入姓名', 'Enter the name')}
          whitespace
          max={40}
        >
          <Input autoComplete="off" />
        </Field>
        <Field
          col="half"
          label={t('身份证号码', 'ID number')}
          name="idNumber"
          extra={
            editing
              ? keepNote(t, record?.idNumber)
              : t('出生日期和性别将根据身份证号码自动填写', 'Birth date and sex are filled in from the ID number')
          }
          validateFirst
          rules={[{ required: !editing, message: t('请输入身份证号码', 'Enter the ID number') }, idRule]}
        >
          <Input autoComplete="off" inputMode="text" style={{ fontFamily: 'monospace' }} data-testid="id-number" />
        </Field>
        <Field
          col="quarter"
          label={t('出生日期', 'Birth date')}
          name="birthDate"
          required={t('由身份证号码自动填写', 'Filled in from the ID number')}
        >
          <DateField disabled />
        </Field>
        <Field
          col="quarter"
          label={t('性别', 'Sex')}
          name="gender"
          required={t('由身份证号码自动填写', 'Filled in from the ID number')}
        >
          <Radio.Group options={opts(GENDERS)} disabled />
        </Field>
        <Field
          col="half"
          label={t('手机号码', 'Mobile phone')}
          name="phone"
          extra={keepNote(t, record?.phone)}
          rules={[
            mobileRule(
              t('手机号码格式不正确（11位，以13–19开头）', 'Invalid mobile number (11 digits starting 13–19)'),
            ),
          ]}
        >
          <Input inputMode="numeric" autoComplete="off" data-testid="phone" />
        </Field>
        <Field col="quarter" label={t('民族', 'Ethnicity')} name="ethnicity">
          <Select allowClear options={opts(ETHNICITIES)} />
        </Field>
        <Field col="quarter" label={t('学历', 'Education')} name="education">
          <Select allowClear options={opts(EDUCATIONS)} />
        </Field>
        <Field col="half" label={t('人员类别', 'Category')} name="category">
          <Select allowClear options={opts(MEMBER_CATEGORIES)} />
        </Field>
        <Field col="half" label={t('党员状态', 'Status')} name="status" required>
          <Radio.Group options={opts(MEMBER_STATUSES)} optionType="button" />
        </Field>
        <Field
          col="quarter"
          label={t('入党时间', 'Date joined')}
          name="joinedAt"
          dependencies={['birthDate']}
          required={t('请选择入党时间', 'Choose the date of joining')}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v?: string) => {
                const b = getFieldValue('birthDate') as string | undefined;
                if (!v || !b) return Promise.resolve();
                const adult = `${Number(b.slice(0, 4)) + 18}${b.slice(4)}`;
                return v >= adult
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('入党时须年满18岁', 'Members join at 18 or older')));
              },
            }),
          ]}
        >
          <DateField maxToday />
        </Field>
        <Field
          col="quarter"
          label={t('转正时间', 'Full member since')}
          name="fullMemberAt"
          dependencies={['joinedAt']}
          rules={[laterThan('joinedAt', t('转正时间须晚于入党时间', 'Must be after the date of joining'))]}
        >
          <DateField maxToday />
        </Field>
      </Row>
    </EntityForm>
  );
}
