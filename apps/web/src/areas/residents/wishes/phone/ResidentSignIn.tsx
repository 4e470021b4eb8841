/** The resident's sign-in on the phone: phone number, then the 6-digit code. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../../api/client';
import { useT } from '../../../../app/i18n';
import { isMobile } from '../../requests/requestModel';
import '../../../life/meetings/phone/meeting-pages.css';
import './ResidentPages.css';
import { residentApi } from './residentFrame';
import { PhoneError, PhoneInput } from '../../../../components/PhoneParts';

export const RESIDENT_ME = ['resident-me'] as const;

/** Phone number, then the 6-digit code. */
export function ResidentSignIn() {
  const t = useT();
  const qc = useQueryClient();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [wait, setWait] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (wait <= 0) return;
    const h = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(h);
  }, [wait]);

  async function sendCode(e?: FormEvent) {
    e?.preventDefault();
    if (!isMobile(phone)) return setError(t('请输入11位手机号码', 'Enter your 11-digit mobile number'));
    setBusy(true);
    setError(null);
    try {
      await residentApi('POST', '/api/public/resident/code', { body: { phone: phone.trim() } });
      setSent(true);
      setWait(60);
      setTimeout(() => codeInput.current?.focus(), 0);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  async function verify(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) return setError(t('请输入6位数字验证码', 'Enter the 6-digit code'));
    setBusy(true);
    setError(null);
    try {
      await residentApi('POST', '/api/public/resident/verify', { body: { phone: phone.trim(), code } });
      await qc.invalidateQueries({ queryKey: RESIDENT_ME });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="m-card">
      <h2>{t('验证手机号', 'Verify your phone')}</h2>
      <p className="m-sub">
        {t(
          '提交心愿、查看办理进度前，请先用手机号码接收验证码。',
          'To post a wish or follow your requests, get a code on your phone first.',
        )}
      </p>
      <PhoneError error={error} testId="r-error" />
      <form onSubmit={sent ? verify : sendCode} noValidate>
        <PhoneInput
          id="r-phone"
          label={t('手机号码', 'Mobile number')}
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          value={phone}
          onChange={(v) => setPhone(v.replace(/\D/g, ''))}
        />
        {sent ? (
          <>
            <PhoneInput
              ref={codeInput}
              id="r-code"
              label={t('验证码', 'Code')}
              className="m-input m-code-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(v) => setCode(v.replace(/\D/g, ''))}
            />
            <button className="m-btn primary" type="submit" disabled={busy} data-testid="r-verify">
              {t('验证并进入', 'Verify')}
            </button>
            <button
              className="m-btn"
              type="button"
              style={{ marginTop: 10 }}
              disabled={busy || wait > 0}
              onClick={() => sendCode()}
            >
              {wait > 0
                ? t(`${wait} 秒后可重新发送`, `Send again in ${wait}s`)
                : t('重新发送验证码', 'Send the code again')}
            </button>
          </>
        ) : (
          <button className="m-btn primary" type="submit" disabled={busy} data-testid="r-send-code">
            {t('获取验证码', 'Send me a code')}
          </button>
        )}
      </form>
    </section>
  );
}
