/** "设置新密码": an account holding a one-time password sets its own before anything else opens. */
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client';
import type { Me } from '../../../api/types';
import { useT } from '../../../app/i18n';
import { ME_KEY } from '../../../app/session';
import { Field } from '../../../components/form/Field';

/** Whether a password has 8+ characters of at least three classes (the server also rejects common ones). */
export function strongEnough(p: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  return p.length >= 8 && classes >= 3;
}

/**
 * The form; `oldPassword` is the one-time password just typed at sign-in (asked for when unknown, e.g. after a
 * reload).
 */
export function SetPasswordCard({ oldPassword, onDone }: { oldPassword?: string; onDone: (me: Me) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFinish(v: { oldPassword?: string; newPassword: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/password', {
        oldPassword: oldPassword ?? v.oldPassword ?? '',
        newPassword: v.newPassword,
      });
      const me = await api.get<Me>('/api/auth/me');
      qc.setQueryData(ME_KEY, me);
      onDone(me);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="set-password">
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }}>
        {t('设置新密码', 'Set a new password')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '您使用的是管理员发放的一次性密码。请设置只有您自己知道的新密码后继续。',
          'You signed in with a one-time password from an administrator. Set a password only you know to continue.',
        )}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} size="large">
        {oldPassword === undefined ? (
          <Field
            label={t('一次性密码', 'One-time password')}
            name="oldPassword"
            required={t('请输入一次性密码', 'Enter the one-time password')}
          >
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Field>
        ) : null}
        <Field
          label={t('新密码', 'New password')}
          name="newPassword"
          required={t('请输入新密码', 'Enter a new password')}
          rules={[
            {
              validator: (_, v?: string) =>
                !v || strongEnough(v)
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t(
                          '至少8位，且包含大写字母、小写字母、数字、符号中的三类',
                          'At least 8 characters of 3 classes: upper, lower, digit, symbol',
                        ),
                      ),
                    ),
            },
          ]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" />
        </Field>
        <Field
          label={t('再次输入新密码', 'Repeat the new password')}
          name="repeat"
          dependencies={['newPassword']}
          required={t('请再次输入新密码', 'Repeat the new password')}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v?: string) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('两次输入的密码不一致', 'The two passwords differ'))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" />
        </Field>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('保存并继续', 'Save and continue')}
        </Button>
      </Form>
    </div>
  );
}
