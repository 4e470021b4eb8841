/**
 * Accept a request (`/requests/new?org=`): channel, category, level, the household or an anonymous resident, an owner;
 * 当场办 needs its result.
 */
import { Form, Input, Radio, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { chinaInstant, REQUEST_CATEGORIES, REQUEST_CHANNELS, REQUEST_LEVELS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { DateField } from '../../../components/DateField';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { EntityForm } from '../../../components/EntityForm';
import { useFeedback } from '../../../components/feedback';
import { chinaToday, type RequestItem } from './requestModel';
import { HouseholdPicker, MemberPicker, ResidentPhoneField } from './RequestParts';
import { Field } from '../../../components/form/Field';

interface Values {
  orgId: number;
  channel: string;
  category: string;
  level: string;
  description: string;
  who: 'household' | 'anonymous';
  householdId?: number | null;
  residentName?: string;
  phone?: string;
  ownerMemberId?: number | null;
  ownerName?: string;
  result?: string;
  acceptedOn?: string | null;
}

/** The accept form. */
export default function RequestFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { org: scopeOrg } = useScope();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  usePageCrumb(t('受理诉求', 'Accept a request'));
  const prefillOrg = Number(params.get('org')) || scopeOrg?.id || me?.orgId || undefined;
  const level = Form.useWatch('level', form);
  const who = Form.useWatch('who', form);
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const today = chinaToday();

  /** The body the API takes: the resident as a household or by name and phone, blanks left out. */
  function bodyOf(v: Values) {
    const text = (s?: string | null) => (s && s.trim() ? s.trim() : undefined);
    const body: Record<string, unknown> = {
      orgId: v.orgId,
      channel: v.channel,
      category: v.category,
      level: v.level,
      description: v.description.trim(),
      ownerMemberId: v.ownerMemberId ?? undefined,
      ownerName: text(v.ownerName),
      result: v.level === 'on_the_spot' ? text(v.result) : undefined,
    };
    if (v.who === 'household') body.householdId = v.householdId ?? undefined;
    else {
      body.residentName = text(v.residentName);
      body.phone = text(v.phone);
    }
    // A paper record entered later keeps the day it was accepted (the deadline counts from it).
    if (v.acceptedOn && v.acceptedOn !== today) body.acceptedAt = chinaInstant(v.acceptedOn, '09:00');
    return body;
  }

  return (
    <EntityForm<Values, RequestItem>
      title={t('受理诉求', 'Accept a request')}
      form={form}
      maxWidth={900}
      onSubmit={(v) => api.post<RequestItem>('/api/requests', bodyOf(v))}
      onSaved={(saved) => {
        message.success(t('诉求已受理', 'Request accepted'));
        qc.invalidateQueries({ queryKey: ['requests'] });
        qc.invalidateQueries({ queryKey: ['service-stats'] });
        navigate(`/requests/${saved.id}`);
      }}
      onCancel={() => navigate(-1)}
      submitTestId="save-request"
      submitLabel={level === 'on_the_spot' ? t('受理并办结', 'Accept and close') : t('受理', 'Accept')}
      initialValues={{
        orgId: prefillOrg,
        channel: 'reception',
        level: 'studied',
        who: 'household',
        acceptedOn: today,
      }}
      onValuesChange={(changed) => {
        if ('orgId' in changed) form.setFieldsValue({ householdId: null, ownerMemberId: null });
      }}
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('受理组织', 'Accepting organization')}
          name="orgId"
          required={t('请选择受理组织', 'Choose the organization')}
        >
          <OrgTreeSelect valueLabel={prefillOrg === me?.orgId ? (me?.orgName ?? undefined) : scopeOrg?.name} />
        </Field>
        <Field
          col="half"
          label={t('受理日期', 'Accepted on')}
          name="acceptedOn"
          extra={t(
            '补录纸质记录时可选择过去的日期，办结时限从该日起算',
            'For a paper record entered later pick the day it was accepted; the deadline counts from it',
          )}
        >
          <DateField maxToday />
        </Field>
        <Field
          col="third"
          label={t('来源渠道', 'Channel')}
          name="channel"
          required={t('请选择渠道', 'Choose the channel')}
        >
          <Select options={opts(REQUEST_CHANNELS)} />
        </Field>
        <Field
          col="third"
          label={t('诉求类别', 'Category')}
          name="category"
          required={t('请选择类别', 'Choose the category')}
        >
          <Select options={opts(REQUEST_CATEGORIES)} data-testid="request-category" />
        </Field>
        <Field col="third" label={t('办理方式', 'Handling level')} name="level" required>
          <Radio.Group optionType="button" options={opts(REQUEST_LEVELS)} />
        </Field>
        <Field
          col="full"
          label={t('诉求内容', 'What the resident asks')}
          name="description"
          required={t('请填写诉求内容', 'Describe the request')}
          whitespace
          max={2000}
        >
          <Input.TextArea rows={3} showCount />
        </Field>
        <Field col="full" label={t('反映人', 'Resident')} name="who">
          <Radio.Group
            options={[
              { value: 'household', label: t('登记户', 'A registered household') },
              { value: 'anonymous', label: t('未登记 / 匿名', 'Not registered / anonymous') },
            ]}
          />
        </Field>
        {who === 'anonymous' ? (
          <>
            <Field col="half" label={t('姓名（可不填）', 'Name (optional)')} name="residentName" max={40}>
              <Input />
            </Field>
            <ResidentPhoneField col="half" label={t('联系电话（可不填）', 'Phone (optional)')} landline />
          </>
        ) : (
          <Field
            col="half"
            label={t('户', 'Household')}
            name="householdId"
            required={t('请选择户，或改为匿名', 'Choose the household, or switch to anonymous')}
          >
            <HouseholdPicker org={orgId} />
          </Field>
        )}
      </Row>
      <Row gutter={16}>
        <Field col="half" label={t('责任人（党员）', 'Owner (member)')} name="ownerMemberId">
          <MemberPicker
            org={orgId}
            onChange={(id, name) =>
              form.setFieldsValue({ ownerMemberId: id, ownerName: name ?? form.getFieldValue('ownerName') })
            }
          />
        </Field>
        <Field col="half" label={t('责任人姓名', 'Owner name')} name="ownerName" max={40}>
          <Input />
        </Field>
        {level === 'on_the_spot' ? (
          <Field
            col="full"
            label={t('办理结果', 'Result')}
            name="result"
            extra={t('当场办结的诉求须填写结果', 'A request closed on the spot needs its result')}
            required={t('当场办须填写办理结果', 'An on-the-spot request needs its result')}
            whitespace
            max={2000}
          >
            <Input.TextArea rows={2} />
          </Field>
        ) : null}
      </Row>
    </EntityForm>
  );
}
