/** The dialog that records an errand (登记代办). */
import { Form, Input, Space } from 'antd';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { isMobile, type ErrandItem } from '../requests/requestModel';
import { HouseholdPicker, MemberPicker } from '../requests/RequestParts';
import { Field } from '../../../components/form/Field';

/** The dialog that records an errand. */
export function ErrandModal({
  orgId,
  orgName,
  onClose,
  onSaved,
}: {
  orgId?: number;
  orgName?: string;
  onClose: () => void;
  onSaved: (e: ErrandItem) => void;
}) {
  const t = useT();
  const { data: me } = useMe();
  const [form] = Form.useForm();
  const org = Form.useWatch('orgId', form) as number | undefined;
  return (
    <FormModal<ErrandItem>
      title={t('登记代办事项', 'Record an errand')}
      okText={t('保存', 'Save')}
      form={form}
      initialValues={{ orgId }}
      onSubmit={(body) => api.post<ErrandItem>('/api/errands', body)}
      onSaved={onSaved}
      onClose={onClose}
      width={600}
    >
      <Field label={t('所属组织', 'Organization')} name="orgId" required={t('请选择组织', 'Choose the organization')}>
        <OrgTreeSelect valueLabel={orgName} />
      </Field>
      <Field label={t('代办事项', 'Errand')} name="title" required={t('请填写代办事项', 'Name the errand')} whitespace>
        <Input maxLength={80} placeholder={t('如：代办医保报销', 'e.g. file a medical insurance claim')} />
      </Field>
      <Form.Item label={t('说明', 'Details')} name="description">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('登记户（可不选）', 'Household (optional)')} name="householdId">
        <HouseholdPicker
          org={org}
          onChange={(v, h) =>
            form.setFieldsValue({ householdId: v, residentName: h?.headName ?? form.getFieldValue('residentName') })
          }
        />
      </Form.Item>
      <Space wrap>
        <Field
          label={t('群众姓名', 'Resident')}
          name="residentName"
          required={t('请填写群众姓名', 'Name the resident')}
          whitespace
        >
          <Input maxLength={40} />
        </Field>
        <Form.Item
          label={t('联系电话', 'Phone')}
          name="phone"
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v || isMobile(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('手机号码格式不正确', 'Invalid mobile number'))),
            },
          ]}
        >
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item label={t('红色暖心卡号', 'Warm-heart card no.')} name="cardNo">
          <Input maxLength={30} />
        </Form.Item>
      </Space>
      {hasCap(me, 'residents.write') ? (
        <Form.Item label={t('承办党员（默认本人）', 'Member (defaults to you)')} name="memberId">
          <MemberPicker org={org} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
