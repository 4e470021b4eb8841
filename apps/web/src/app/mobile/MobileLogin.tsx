/** The phone sign-in page (`/m/login`), with the first-time password change. */
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api, messageOf } from '../../api/client';
import type { Me } from '../../api/types';
import { useT } from '../i18n';
import { ME_KEY, useSignIn } from '../session';
import './mobile.css';
import { LangButton, nextOf } from './mobileShared';
import { PhoneInput } from '../../components/PhoneParts';

/** Why the sign-in page was opened (`?reason=`): the note shown above the form. */
const REASONS: Record<string, { kind: 'warn' | 'info'; code: string }> = {
  expired: { kind: 'warn', code: 'auth.session_expired' },
  required: { kind: 'info', code: 'auth.required' },
};

/** The sign-in page. */
export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = params.get('reason');
  const reasonAlert = reason && Object.hasOwn(REASONS, reason) ? REASONS[reason] : undefined;
  // Signed in with a one-time password from an administrator: a new one is set before anything else.
  const [mustChange, setMustChange] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const qc = useQueryClient();

  /** Runs a step of the sign-in with the button waiting; a refusal shows above the form. */
  async function run(step: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  }

  async function setOwnPassword(e: FormEvent) {
    e.preventDefault();
    if (!newPassword || newPassword !== repeat) {
      setError(new ApiError(400, 'validation', t('两次输入的新密码不一致', 'The two new passwords differ')));
      return;
    }
    await run(async () => {
      await api.post('/api/auth/password', { oldPassword: password, newPassword });
      qc.setQueryData(ME_KEY, await api.get<Me>('/api/auth/me'));
      navigate(nextOf(params), { replace: true });
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(new ApiError(400, 'validation', t('请输入用户名和密码', 'Enter your user name and password')));
      return;
    }
    await run(async () => {
      const me = await signIn(username.trim(), password);
      if (me.mustChangePassword) setMustChange(true);
      else navigate(nextOf(params), { replace: true });
    });
  }

  return (
    <div className="m-login">
      <header>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LangButton signedIn={false} />
        </div>
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <h1>{t('党建指尖', 'Party building')}</h1>
      </header>
      <main className="m-card" style={{ maxWidth: 480, margin: '0 auto' }}>
        <h2>{t('党员登录', 'Member sign-in')}</h2>
        {reasonAlert && !error ? (
          <div className={`m-alert ${reasonAlert.kind}`} role="status">
            {messageOf(reasonAlert.code)}
          </div>
        ) : null}
        {error ? (
          <div
            className={`m-alert ${error.code === 'auth.locked' ? 'warn' : 'error'}`}
            role="alert"
            data-testid="m-login-error"
          >
            {error.message}
          </div>
        ) : null}
        {mustChange ? (
          <form onSubmit={setOwnPassword} noValidate data-testid="m-set-password">
            <h2>{t('设置新密码', 'Set a new password')}</h2>
            <p>
              {t(
                '您使用的是一次性密码，请设置只有您自己知道的新密码（至少8位，含大写字母、小写字母、数字、符号中的三类）。',
                'You used a one-time password. Set one only you know (8+ characters of 3 classes).',
              )}
            </p>
            <PhoneInput
              id="m-new-password"
              label={t('新密码', 'New password')}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={setNewPassword}
            />
            <PhoneInput
              id="m-repeat-password"
              label={t('再次输入新密码', 'Repeat the new password')}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={setRepeat}
            />
            <button className="m-btn primary" type="submit" disabled={busy}>
              {t('保存并继续', 'Save and continue')}
            </button>
          </form>
        ) : (
          <form onSubmit={submit} noValidate>
            <PhoneInput
              id="m-username"
              label={t('用户名', 'User name')}
              autoComplete="username"
              autoCapitalize="none"
              value={username}
              onChange={setUsername}
            />
            <PhoneInput
              id="m-password"
              label={t('密码', 'Password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
            />
            <button className="m-btn primary" type="submit" disabled={busy}>
              {busy ? t('正在登录…', 'Signing in…') : t('登录', 'Sign in')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
