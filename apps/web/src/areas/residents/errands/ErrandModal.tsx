/** The dialog that records an errand (登记代办). */
import { Form, Input } from 'antd';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import type { ErrandItem } from '../requests/requestModel';
import { MemberPicker, type OrgDialogProps, ResidentFields } from '../requests/RequestParts';
import { Field } from '../../../components/form/Field';

/** The dialog that records an errand. */
export function ErrandModal({ orgId, orgName, onClose, onSaved }: OrgDialogProps<ErrandItem>) {
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
      <Field
        label={t('代办事项', 'Errand')}
        name="title"
        required={t('请填写代办事项', 'Name the errand')}
        whitespace
        max={80}
      >
        <Input placeholder={t('如：代办医保报销', 'e.g. file a medical insurance claim')} />
      </Field>
      <Field label={t('说明', 'Details')} name="description" max={1000}>
        <Input.TextArea rows={2} />
      </Field>
      <ResidentFields
        form={form}
        org={org}
        nameLabel={t('群众姓名', 'Resident')}
        nameRequired={t('请填写群众姓名', 'Name the resident')}
        fillName
      >
        <Field label={t('红色暖心卡号', 'Warm-heart card no.')} name="cardNo" max={30}>
          <Input />
        </Field>
      </ResidentFields>
      {hasCap(me, 'residents.write') ? (
        <Form.Item label={t('承办党员（默认本人）', 'Member (defaults to you)')} name="memberId">
          <MemberPicker org={org} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
