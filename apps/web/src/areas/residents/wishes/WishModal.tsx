/** The dialog that posts a micro-wish for a resident (代群众提交). */
import { Form, Input, Radio } from 'antd';
import { WISH_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { VillageSelect, useHomeVillage } from '../common/VillageSelect';
import type { WishItem } from '../requests/requestModel';
import { type OrgDialogProps, ResidentFields } from '../requests/RequestParts';
import { Field } from '../../../components/form/Field';

/** The dialog that posts a wish. */
export function WishModal({ orgId, onClose, onSaved }: OrgDialogProps<WishItem>) {
  const t = useT();
  const opts = useEnumOptions();
  const [form] = Form.useForm();
  const org = Form.useWatch('orgId', form) as number | undefined;
  // The list's organization is the starting village only when it is one (not a township or a branch below).
  useHomeVillage(orgId, false, (id) => form.setFieldValue('orgId', id));
  return (
    <FormModal<WishItem>
      title={t('代群众提交心愿', 'Post a wish for a resident')}
      okText={t('提交', 'Post')}
      form={form}
      initialValues={{ kind: 'wish' }}
      onSubmit={(body) => api.post<WishItem>('/api/wishes', body)}
      onSaved={onSaved}
      onClose={onClose}
      width={600}
    >
      <Field
        label={t('村（社区）', 'Village or community')}
        name="orgId"
        required={t('请选择村（社区）', 'Choose the village')}
      >
        <VillageSelect />
      </Field>
      <Form.Item label={t('类型', 'Kind')} name="kind">
        <Radio.Group optionType="button" options={opts(WISH_KINDS)} />
      </Form.Item>
      <Field label={t('标题', 'Title')} name="title" required={t('请填写标题', 'Write a title')} whitespace max={60}>
        <Input />
      </Field>
      <Field
        label={t('内容', 'Description')}
        name="description"
        required={t('请填写内容', 'Describe it')}
        whitespace
        max={1000}
      >
        <Input.TextArea rows={3} />
      </Field>
      <ResidentFields form={form} org={org} nameLabel={t('群众姓名', 'Resident name')} />
    </FormModal>
  );
}
