/** The dialog that posts a micro-wish for a resident (代群众提交). */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Space } from 'antd';
import { WISH_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { isMobile, type WishItem } from '../requests/requestModel';
import { HouseholdPicker } from '../requests/RequestParts';

/** The dialog that posts a wish. */
export function WishModal({
  orgId,
  orgName,
  onClose,
  onSaved,
}: {
  orgId?: number;
  orgName?: string;
  onClose: () => void;
  onSaved: (w: WishItem) => void;
}) {
  const t = useT();
  const opts = useEnumOptions();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const org = Form.useWatch('orgId', form) as number | undefined;
  async function submit() {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
      onSaved(await api.post<WishItem>('/api/wishes', body));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('代群众提交心愿', 'Post a wish for a resident')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('提交', 'Post')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId, kind: 'wish' }}>
        <Form.Item
          label={t('村（社区）', 'Village or community')}
          name="orgId"
          rules={[{ required: true, message: t('请选择村（社区）', 'Choose the village') }]}
        >
          <OrgTreeSelect valueLabel={orgName} />
        </Form.Item>
        <Form.Item label={t('类型', 'Kind')} name="kind">
          <Radio.Group optionType="button" options={opts(WISH_KINDS)} />
        </Form.Item>
        <Form.Item
          label={t('标题', 'Title')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('请填写标题', 'Write a title') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          label={t('内容', 'Description')}
          name="description"
          rules={[{ required: true, whitespace: true, message: t('请填写内容', 'Describe it') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label={t('登记户（可不选）', 'Household (optional)')} name="householdId">
          <HouseholdPicker org={org} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('群众姓名', 'Resident name')} name="residentName">
            <Input maxLength={40} />
          </Form.Item>
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
        </Space>
      </Form>
    </Modal>
  );
}
