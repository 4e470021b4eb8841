/**
 * The phone pages of organizational life: sign in at a meeting with its code, my meetings, my messages. No UI library.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ATTENDANCE_STATUSES, MEETING_KIND_LABELS } from '@dangjian/contracts';
import { ApiError, api } from '../../../../api/client';
import { useLabel, useT } from '../../../../app/i18n';
import {
  chinaClock,
  chinaTime,
  safeLink,
  type CheckinAnswer,
  type MyMeetingList,
  type NotificationItem,
} from '../model';
import { useMarkRead, useNotifications, useUnreadCount } from '../../../core/notifications/notifications';
import { ProblemCard, Skeleton } from '../../../../app/mobile/parts';
import './meeting-pages.css';
import { PhoneError, PhoneInput, phoneIcon } from '../../../../components/PhoneParts';

export const ICON_MEETINGS = phoneIcon(
  'M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2z',
  'm12 8H5v9h14v-9zM5 8h14V6H5v2zm2 4h4v4H7v-4z',
);
export const ICON_MESSAGES = phoneIcon(
  'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22z',
  'm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z',
);

/** The unread count on the messages tab (asked every minute). */
export function UnreadBadge() {
  const t = useT();
  const n = useUnreadCount();
  if (!n) return null;
  return (
    <span className="m-badge" data-testid="m-unread">
      {n > 99 ? '99+' : n}
      <span className="m-sr">{t('条未读', ' unread')}</span>
    </span>
  );
}

/** A card on the member's home leading to the sign-in page. */
export function CheckinShortcut() {
  const t = useT();
  return (
    <section className="m-card m-shortcut" aria-label={t('会议签到', 'Meeting sign-in')}>
      <Link to="/m/checkin" className="m-btn primary" data-testid="m-checkin-link">
        {t('会议签到', 'Sign in at a meeting')}
      </Link>
      <Link to="/m/meetings" className="m-btn">
        {t('我的会议', 'My meetings')}
      </Link>
    </section>
  );
}

/** `/m/checkin?code=123456`: the 6-digit code (prefilled from the QR), submit, a clear success or error. */
export function CheckinPage() {
  const t = useT();
  const lbl = useLabel();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const initial = (params.get('code') ?? '').replace(/\D/g, '').slice(0, 6);
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CheckinAnswer | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!initial) input.current?.focus();
  }, [initial]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError(t('请输入6位数字签到码', 'Enter the 6-digit code'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<CheckinAnswer>('/api/meetings/checkin', { code });
      setDone(r);
      void qc.invalidateQueries({ queryKey: ['my-meetings'] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    const earlier = Date.now() - Date.parse(done.checkedInAt) > 60_000;
    return (
      <section className="m-card m-success" role="status" aria-live="polite" data-testid="m-checkin-success">
        <div className="m-success-icon" aria-hidden>
          ✓
        </div>
        <h2>{earlier ? t('您已签到', 'You have signed in') : t('签到成功', 'Signed in')}</h2>
        <dl className="m-dl">
          <div className="m-row">
            <dt>{t('会议', 'Meeting')}</dt>
            <dd data-testid="m-checkin-topic">{done.topic}</dd>
          </div>
          <div className="m-row">
            <dt>{t('类型', 'Kind')}</dt>
            <dd>{lbl(MEETING_KIND_LABELS, done.kind)}</dd>
          </div>
          <div className="m-row">
            <dt>{t('组织', 'Organization')}</dt>
            <dd>{done.orgName}</dd>
          </div>
          <div className="m-row">
            <dt>{t('签到时间', 'Signed in at')}</dt>
            <dd>{chinaTime(done.checkedInAt)}</dd>
          </div>
        </dl>
        <Link to="/m/meetings" className="m-btn primary" style={{ marginTop: 16 }}>
          {t('查看我的会议', 'My meetings')}
        </Link>
      </section>
    );
  }

  return (
    <section className="m-card">
      <h2>{t('会议签到', 'Sign in at a meeting')}</h2>
      <p className="m-sub" id="m-code-help">
        {t(
          '请输入会场公布的6位签到码，或用手机扫描会场的签到二维码。',
          'Enter the 6-digit code shown at the meeting, or scan its QR code.',
        )}
      </p>
      <PhoneError error={error} testId="m-checkin-error" />
      <form onSubmit={submit} noValidate>
        <PhoneInput
          ref={input}
          id="m-code"
          label={t('签到码', 'Sign-in code')}
          className="m-input m-code-input"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="one-time-code"
          maxLength={6}
          aria-describedby="m-code-help"
          aria-invalid={!!error}
          value={code}
          onChange={(v) => {
            setCode(v.replace(/\D/g, '').slice(0, 6));
            setError(null);
          }}
          data-testid="m-code"
        />
        <button className="m-btn primary" type="submit" disabled={busy} data-testid="m-checkin-submit">
          {busy ? t('正在签到…', 'Signing in…') : t('签到', 'Sign in')}
        </button>
      </form>
    </section>
  );
}

const STATUS_CLASS: Record<string, string> = { present: 'ok', leave: 'warn', absent: 'bad' };

/** `/m/meetings`: the meetings I am expected at, newest first, with my attendance. */
export function MyMeetingsPage() {
  const t = useT();
  const lbl = useLabel();
  const q = useQuery({
    queryKey: ['my-meetings'],
    queryFn: ({ signal }) => api.get<MyMeetingList>('/api/meetings/mine', undefined, signal),
  });
  return (
    <>
      <Link to="/m/checkin" className="m-btn primary" style={{ marginBottom: 16 }}>
        {t('会议签到', 'Sign in at a meeting')}
      </Link>
      {q.isPending ? (
        <Skeleton />
      ) : q.error ? (
        <ProblemCard error={q.error} empty={t('没有找到您的会议', 'No meetings found')} />
      ) : q.data.items.length === 0 ? (
        <div className="m-card m-empty">{t('暂无需要参加的会议', 'No meetings yet')}</div>
      ) : (
        <ul className="m-list" aria-label={t('我的会议', 'My meetings')} data-testid="m-meetings">
          {q.data.items.map((m) => (
            <li key={m.id} className="m-card m-meeting">
              <div className="m-meeting-top">
                <span className="m-sub">
                  {m.heldOn} {m.startTime}
                </span>
                <span className={`m-state ${STATUS_CLASS[m.status] ?? ''}`} data-testid="m-meeting-status">
                  {lbl(ATTENDANCE_STATUSES, m.status)}
                </span>
              </div>
              <div className="m-meeting-topic">{m.topic}</div>
              <div className="m-sub">
                {lbl(MEETING_KIND_LABELS, m.kind)} · {m.orgName}
                {m.place ? ` · ${m.place}` : ''}
              </div>
              {m.checkedInAt ? (
                <div className="m-sub">
                  {t(`本人签到 ${chinaClock(m.checkedInAt)}`, `Signed in at ${chinaClock(m.checkedInAt)}`)}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/m/messages`: my notifications; tap to read and follow; mark all read. */
export function MessagesPage() {
  const t = useT();
  const navigate = useNavigate();
  const [size, setSize] = useState(20);
  const q = useNotifications(size);
  const mark = useMarkRead();
  const [error, setError] = useState<string | null>(null);

  async function open(n: NotificationItem) {
    setError(null);
    try {
      if (!n.readAt) await mark.one(n.id);
      const link = safeLink(n.link);
      if (link) navigate(link);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (q.isPending) return <Skeleton />;
  if (q.error) return <ProblemCard error={q.error} empty={t('暂无消息', 'No messages')} />;
  const data = q.data;
  return (
    <>
      <PhoneError error={error} />
      <div className="m-bar">
        <span className="m-sub">
          {t(`共 ${data.total} 条，未读 ${data.unread} 条`, `${data.total} in all, ${data.unread} unread`)}
        </span>
        <button
          type="button"
          className="m-btn m-btn-inline"
          disabled={!data.unread}
          onClick={() => mark.all().catch((e: Error) => setError(e.message))}
        >
          {t('全部已读', 'Mark all read')}
        </button>
      </div>
      {data.items.length === 0 ? (
        <div className="m-card m-empty">{t('暂无消息', 'No messages yet')}</div>
      ) : (
        <ul className="m-list" aria-label={t('我的消息', 'My messages')} data-testid="m-messages">
          {data.items.map((n) => (
            <li key={n.id}>
              <button type="button" className={`m-card m-note${n.readAt ? '' : ' unread'}`} onClick={() => open(n)}>
                <span className="m-note-title">
                  {n.readAt ? null : <span className="m-dot" aria-label={t('未读', 'Unread')} />}
                  {n.title}
                </span>
                <span className="m-note-body">{n.body}</span>
                <span className="m-sub">{chinaTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {data.items.length < data.total ? (
        <button type="button" className="m-btn" onClick={() => setSize((s) => s + 20)}>
          {t('加载更多', 'Load more')}
        </button>
      ) : null}
    </>
  );
}
