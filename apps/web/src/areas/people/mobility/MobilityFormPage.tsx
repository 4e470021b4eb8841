/**
 * The record form: a member's departure (外出) or loss of contact (失联) at `/mobility/new` (`?member=` picks the
 * member), or where a member away is now at `/mobility/:id/edit`. The server's refusals show on their fields.
 */
import { Form, Input, Radio, Row } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { chinaToday, type MobilityCreateT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { MemberPicker } from '../../../components/form/SearchPicker';
import { useAfterSave, useEditedRecord } from '../../../components/form/recordPage';
import type { MobilityDetail } from './parts';

type Values = MobilityCreateT;

/** The form page. */
export default function MobilityFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const afterSave = useAfterSave();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const { editing, record, gate } = useEditedRecord<MobilityDetail, Values>('mobility', '/api/mobility', form, (r) => ({
    memberId: r.memberId,
    state: r.status === 'returned' ? 'flowing' : r.status,
    since: r.since,
    destination: r.destination,
    unit: r.unit,
    flowOrgName: r.flowOrgName,
    contactMemberId: r.contact?.memberId ?? null,
    expectedReturn: r.expectedReturn,
    note: r.note,
  }));
  const state = Form.useWatch('state', form);
  if (gate) return gate;
  const prefill = Number(params.get('member')) || undefined;

  async function submit(v: Values) {
    const where = {
      destination: v.destination?.trim() || null,
      unit: v.unit?.trim() || null,
      flowOrgName: v.flowOrgName?.trim() || null,
      contactMemberId: v.contactMemberId ?? null,
      expectedReturn: v.expectedReturn || null,
      note: v.note?.trim() || null,
    };
    if (editing) return api.patch<MobilityDetail>(`/api/mobility/${editing}`, where);
    return api.post<MobilityDetail>('/api/mobility', {
      memberId: v.memberId,
      state: v.state,
      since: v.since,
      ...where,
    });
  }

  return (
    <EntityForm<Values, MobilityDetail>
      title={
        editing
          ? t(`修改外出信息：${record?.memberName ?? ''}`, `Where ${record?.memberName ?? ''} is now`)
          : t('登记党员外出或失联', 'Record a member leaving or out of contact')
      }
      intro={t(
        '外出流动党员须明确一名本支部党员保持联系；失联党员登记失联日期，恢复联系或返回后在登记详情中操作。',
        'A member away keeps contact through another member of the branch; a member out of contact is recorded ' +
          'from the day contact was lost, and its return is recorded on the record.',
      )}
      form={form}
      initialValues={editing ? undefined : { state: 'flowing', since: chinaToday(), memberId: prefill }}
      onSubmit={submit}
      onSaved={(r) => afterSave(['mobility', 'mobility-member'], `/mobility/${r.id}`, t('已保存', 'Saved'), !!editing)}
      onCancel={() => navigate(-1)}
      submitTestId="save-mobility"
      maxWidth={860}
    >
      <Row gutter={16}>
        {editing ? (
          <Field col="half" label={t('党员', 'Member')}>
            <Input disabled value={record?.memberName} />
          </Field>
        ) : (
          <Field col="half" label={t('党员', 'Member')} name="memberId" required={t('请选择党员', 'Choose the member')}>
            <MemberPicker />
          </Field>
        )}
        <Field col="half" label={t('登记类型', 'Kind')} name="state" required>
          <Radio.Group
            disabled={!!editing}
            options={[
              { value: 'flowing', label: t('外出流动', 'Away') },
              { value: 'out_of_contact', label: t('失联', 'Out of contact') },
            ]}
          />
        </Field>
        <Field
          col="half"
          label={state === 'out_of_contact' ? t('失联日期', 'Lost since') : t('外出日期', 'Left on')}
          name="since"
          required={t('请选择日期', 'Choose the day')}
        >
          <DateField maxToday disabled={!!editing} />
        </Field>
        <Field
          col="half"
          label={t('外出地点', 'Where to')}
          name="destination"
          max={60}
          required={state === 'flowing' ? t('请填写外出地点', 'Enter where the member has gone') : undefined}
          whitespace
        >
          <Input placeholder={t('如：广东省深圳市', 'e.g. Shenzhen, Guangdong')} />
        </Field>
        <Field col="half" label={t('所在单位', 'Workplace')} name="unit" max={60}>
          <Input />
        </Field>
        <Field col="half" label={t('流入地党组织', 'Party organization there')} name="flowOrgName" max={60}>
          <Input placeholder={t('已报到的流入地党组织（如有）', 'Where the member reported, if any')} />
        </Field>
        <Field
          col="half"
          label={t('联系人', 'Contact')}
          name="contactMemberId"
          extra={t('本支部负责保持联系的党员', 'The member of the branch who keeps contact')}
        >
          <MemberPicker initialLabel={record?.contact?.name} />
        </Field>
        <Field col="half" label={t('预计返回日期', 'Expected back')} name="expectedReturn">
          <DateField />
        </Field>
        <Field col="full" label={t('备注', 'Note')} name="note" max={500}>
          <Input.TextArea rows={3} />
        </Field>
      </Row>
    </EntityForm>
  );
}
