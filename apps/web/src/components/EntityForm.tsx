/**
 * EntityForm: the form of one record. Inline validation by the fields' own rules (on change and on leaving a
 * field); on save, the server's refusal goes on the field it concerns (by error code, see formErrors.ts, or by the
 * field named in its details), otherwise in an alert above the form; the save button waits while saving.
 *
 *   <EntityForm<ThingCreateT>
 *     title={t('新增事项', 'New thing')}
 *     initialValues={{ status: 'open' }}
 *     onSubmit={(v) => api.post<Thing>('/api/things', v)}       // answers the saved record
 *     onSaved={(thing) => navigate(`/things/${thing.id}`)}
 *     fieldOfCode={{ 'things.name_taken': 'name' }}             // this form's codes (the shared map is built in)
 *     submitTestId="save-thing"
 *   >
 *     <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}><Input /></Form.Item>
 *   </EntityForm>
 */
import { type ReactNode, useState } from 'react';
import { Alert, Button, Card, Form, type FormInstance, Space, Typography } from 'antd';
import { useT } from '../app/i18n';
import { showFieldError } from './formErrors';

/** The configuration of an entity form. */
export interface EntityFormProps<V, R> {
  /** The heading (an h1); leave out inside a modal or a card that has one. */
  title?: ReactNode;
  /** A form instance when the page needs one (watching fields, setting values). */
  form?: FormInstance<V>;
  initialValues?: Partial<V>;
  /** Sends the values; answers what the server saved. A thrown ApiError is shown on its field or above. */
  onSubmit: (values: V) => Promise<R>;
  onSaved?: (result: R) => void;
  onCancel?: () => void;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  /** Error codes of this form → the field they concern. */
  fieldOfCode?: Record<string, string>;
  /** Puts a refusal on its field when the shared map cannot (rows of a list); true when shown. */
  showError?: (form: FormInstance<V>, error: unknown) => boolean;
  /** Text under the heading (the rules the form follows). */
  intro?: ReactNode;
  submitLabel?: ReactNode;
  submitTestId?: string;
  /** Card around the form (default true). */
  card?: boolean;
  maxWidth?: number;
  children: ReactNode;
}

/** The form of one record: see the usage at the top of this file. */
export function EntityForm<V extends object, R = unknown>(props: EntityFormProps<V, R>) {
  const t = useT();
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function finish(values: V) {
    setBusy(true);
    setError(null);
    try {
      const saved = await props.onSubmit(values);
      props.onSaved?.(saved);
    } catch (e) {
      const shown = props.showError?.(form, e) || showFieldError(form, e, props.fieldOfCode);
      if (!shown) setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const body = (
    <>
      {props.title ? (
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
          {props.title}
        </Typography.Title>
      ) : null}
      {props.intro}
      {error ? (
        <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} data-testid="form-error" />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={finish}
        scrollToFirstError
        validateTrigger={['onChange', 'onBlur']}
        style={{ maxWidth: props.maxWidth ?? 860 }}
        initialValues={props.initialValues}
        onValuesChange={props.onValuesChange}
      >
        {props.children}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid={props.submitTestId}>
            {props.submitLabel ?? t('保存', 'Save')}
          </Button>
          {props.onCancel ? <Button onClick={props.onCancel}>{t('取消', 'Cancel')}</Button> : null}
        </Space>
      </Form>
    </>
  );
  return props.card === false ? body : <Card>{body}</Card>;
}
