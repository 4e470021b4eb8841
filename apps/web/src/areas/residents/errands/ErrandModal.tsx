/** The dialog that records an errand (登记代办). */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Space } from 'antd';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { isMobile, type ErrandItem } from '../requests/requestModel';
import { HouseholdPicker, MemberPicker } from '../requests/RequestParts';

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
      onSaved(await api.post<ErrandItem>('/api/errands', body));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('登记代办事项', 'Record an errand')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
      width={600}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId }}>
        <Form.Item
          label={t('所属组织', 'Organization')}
          name="orgId"
          rules={[{ required: true, message: t('请选择组织', 'Choose the organization') }]}
        >
          <OrgTreeSelect valueLabel={orgName} />
        </Form.Item>
        <Form.Item
          label={t('代办事项', 'Errand')}
          name="title"
          rules={[{ required: true, whitespace: true, message: t('请填写代办事项', 'Name the errand') }]}
        >
          <Input maxLength={80} placeholder={t('如：代办医保报销', 'e.g. file a medical insurance claim')} />
        </Form.Item>
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
          <Form.Item
            label={t('群众姓名', 'Resident')}
            name="residentName"
            rules={[{ required: true, whitespace: true, message: t('请填写群众姓名', 'Name the resident') }]}
          >
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
          <Form.Item label={t('红色暖心卡号', 'Warm-heart card no.')} name="cardNo">
            <Input maxLength={30} />
          </Form.Item>
        </Space>
        {hasCap(me, 'residents.write') ? (
          <Form.Item label={t('承办党员（默认本人）', 'Member (defaults to you)')} name="memberId">
            <MemberPicker org={org} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
