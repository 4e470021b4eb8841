/**
 * FormModal: a dialog holding the form of one record (EntityForm's plumbing in a modal). OK validates the fields
 * inline, sends the values without the blank ones, and puts the server's refusal on its field (formErrors.ts) or
 * in an alert above the form; the OK button waits while saving.
 *
 *   <FormModal<Thing> title={t('登记', 'Record')} form={form} initialValues={{ orgId }}
 *     onSubmit={(body) => api.post<Thing>('/api/things', body)} onSaved={onSaved} onClose={onClose}>
 *     <Form.Item name="name" rules={[{ required: true }]}><Input /></Form.Item>
 *   </FormModal>
 */
import { type ReactNode, useState } from 'react';
import { Alert, Form, type FormInstance, Modal } from 'antd';
import { useT } from '../app/i18n';
import { showFieldError } from './formErrors';

/** The configuration of a form dialog. */
export interface FormModalProps<R> {
  title: ReactNode;
  /** The form instance, when the dialog watches or sets fields. */
  form?: FormInstance;
  initialValues?: Record<string, unknown>;
  /** Sends the values (blank ones left out); answers what the server saved. */
  onSubmit: (body: Record<string, unknown>) => Promise<R>;
  onSaved: (result: R) => void;
  onClose: () => void;
  okText?: ReactNode;
  width?: number;
  fieldOfCode?: Record<string, string>;
  /** Shown above the form, under the error: a hint or the outcome of a helper button. */
  notice?: ReactNode;
  /** As antd's Form onValuesChange: a field that resets others. */
  onValuesChange?: (changed: Record<string, unknown>) => void;
  children: ReactNode;
}

/** A record's form in a dialog: see the usage at the top of this file. */
export function FormModal<R>(props: FormModalProps<R>) {
  const t = useT();
  const [own] = Form.useForm();
  const form = props.form ?? own;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
      props.onSaved(await props.onSubmit(body));
    } catch (e) {
      if (!showFieldError(form, e, props.fieldOfCode)) setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={props.title}
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={busy}
      okText={props.okText ?? t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
      width={props.width}
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      {props.notice}
      <Form form={form} layout="vertical" initialValues={props.initialValues} onValuesChange={props.onValuesChange}>
        {props.children}
      </Form>
    </Modal>
  );
}
