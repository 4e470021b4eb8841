/** The console sign-in page with clear errors: wrong password, locked account, expired session. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, messageOf } from '../../../api/client';
import { useLocale, useT } from '../../../app/i18n';
import { useSignIn } from '../../../app/session';
import type { Me } from '../../../api/types';
import { SetPasswordCard } from './SetPasswordCard';
import { Field } from '../../../components/form/Field';

/** Where to go after signing in: only same-site console paths are followed. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** The sign-in form of the console. */
/** Why the sign-in page was opened (`?reason=`): the note shown above the form. */
const REASONS: Record<string, { type: 'warning' | 'info'; code: string }> = {
  expired: { type: 'warning', code: 'auth.session_expired' },
  required: { type: 'info', code: 'auth.required' },
};

export default function LoginPage() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = params.get('reason');
  // Signed in with a one-time password: the password it was typed with, kept only until the new one is set.
  const [oneTime, setOneTime] = useState<string | null>(null);

  const reasonAlert = reason && Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;

  function proceed(me: Me) {
    const next = safeNext(params.get('next'));
    navigate(me.role === 'member' && next === '/' ? '/m/' : next, { replace: true });
  }

  async function onFinish(v: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(v.username.trim(), v.password);
      if (me.mustChangePassword) setOneTime(v.password);
      else proceed(me);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'internal', String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="dj-login-bg">
      <main style={{ width: '100%', display: 'flex', justifyContent: 'center' }}>
        <Card className="dj-login-card" variant="borderless" styles={{ body: { padding: 32 } }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
            <img src="/favicon.svg" alt="" width={40} height={40} />
            <Segmented
              size="small"
              aria-label={t('界面语言', 'Language')}
              value={locale}
              onChange={(v) => setLocale(v as 'zh-CN' | 'en')}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </div>
          {oneTime !== null ? (
            <SetPasswordCard
              oldPassword={oneTime}
              onDone={(me) => {
                setOneTime(null);
                proceed(me);
              }}
            />
          ) : (
            <>
              <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
                {t('党建工作平台', 'Party-building platform')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('请使用您的账号登录', 'Sign in with your account')}
              </Typography.Paragraph>
              {reasonAlert && !error ? (
                <Alert
                  type={reasonAlert.type}
                  showIcon
                  title={messageOf(reasonAlert.code)}
                  style={{ marginBottom: 16 }}
                  data-testid="login-reason"
                />
              ) : null}
              {error ? (
                <Alert
                  type={error.code === 'auth.locked' ? 'warning' : 'error'}
                  showIcon
                  role="alert"
                  title={error.message}
                  description={
                    error.code === 'auth.locked'
                      ? t('如需立即解锁，请联系安全管理员。', 'Ask the security admin to unlock it now.')
                      : undefined
                  }
                  style={{ marginBottom: 16 }}
                  data-testid="login-error"
                />
              ) : null}
              <Form layout="vertical" requiredMark={false} onFinish={onFinish} size="large" autoComplete="on">
                <Field
                  label={t('用户名', 'User name')}
                  name="username"
                  required={t('请输入用户名', 'Enter your user name')}
                  whitespace
                >
                  <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
                </Field>
                <Field label={t('密码', 'Password')} name="password" required={t('请输入密码', 'Enter your password')}>
                  <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
                </Field>
                <Button type="primary" htmlType="submit" block loading={busy}>
                  {t('登录', 'Sign in')}
                </Button>
              </Form>
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
                {t('党员请使用手机页面：', 'Members on a phone: ')}
                <a href="/m/" style={{ textDecoration: 'underline' }}>
                  /m/
                </a>
              </Typography.Paragraph>
            </>
          )}
        </Card>
      </main>
    </div>
  );
}
