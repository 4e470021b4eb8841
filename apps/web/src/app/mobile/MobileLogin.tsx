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
  // Signed in with a one-time password from an administrator: a new one is set before anything else.
  const [mustChange, setMustChange] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const qc = useQueryClient();

  async function setOwnPassword(e: FormEvent) {
    e.preventDefault();
    if (!newPassword || newPassword !== repeat) {
      setError(new ApiError(400, 'validation', t('两次输入的新密码不一致', 'The two new passwords differ')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { oldPassword: password, newPassword });
      qc.setQueryData(ME_KEY, await api.get<Me>('/api/auth/me'));
      navigate(nextOf(params), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(new ApiError(400, 'validation', t('请输入用户名和密码', 'Enter your user name and password')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(username.trim(), password);
      if (me.mustChangePassword) setMustChange(true);
      else navigate(nextOf(params), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
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
        {reason === 'expired' && !error ? (
          <div className="m-alert warn" role="status">
            {messageOf('auth.session_expired')}
          </div>
        ) : null}
        {reason === 'required' && !error ? (
          <div className="m-alert info" role="status">
            {messageOf('auth.required')}
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
            <div className="m-field">
              <label htmlFor="m-new-password">{t('新密码', 'New password')}</label>
              <input
                id="m-new-password"
                className="m-input"
                type="password"
                autoComplete="new-password"
                value={newPassword}
                onChange={(e) => setNewPassword(e.target.value)}
              />
            </div>
            <div className="m-field">
              <label htmlFor="m-repeat-password">{t('再次输入新密码', 'Repeat the new password')}</label>
              <input
                id="m-repeat-password"
                className="m-input"
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            </div>
            <button className="m-btn primary" type="submit" disabled={busy}>
              {t('保存并继续', 'Save and continue')}
            </button>
          </form>
        ) : (
          <form onSubmit={submit} noValidate>
            <div className="m-field">
              <label htmlFor="m-username">{t('用户名', 'User name')}</label>
              <input
                id="m-username"
                className="m-input"
                autoComplete="username"
                autoCapitalize="none"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="m-field">
              <label htmlFor="m-password">{t('密码', 'Password')}</label>
              <input
                id="m-password"
                className="m-input"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <button className="m-btn primary" type="submit" disabled={busy}>
              {busy ? t('正在登录…', 'Signing in…') : t('登录', 'Sign in')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
