/**
 * The sign-in panel of a meeting: the QR code and the 6-digit code large enough to project, the validity window, live
 * attendance.
 */
import { Alert, Button, Modal, Popconfirm, Space } from 'antd';
import { useT } from '../../../app/i18n';
import { chinaClock, chinaTime, type CheckinOpenAnswer, type Meeting } from './model';

const cacheKey = (id: number) => `dj_checkin_${id}`;

/** The last opened sign-in of a meeting in this tab (the QR is only answered when sign-in opens). */
export function readCheckinCache(id: number): CheckinOpenAnswer | null {
  try {
    const raw = sessionStorage.getItem(cacheKey(id));
    return raw ? (JSON.parse(raw) as CheckinOpenAnswer) : null;
  } catch {
    return null;
  }
}

/** Remembers (or with null forgets) the opened sign-in of a meeting for this tab. */
export function writeCheckinCache(id: number, answer: CheckinOpenAnswer | null): void {
  try {
    if (answer) sessionStorage.setItem(cacheKey(id), JSON.stringify(answer));
    else sessionStorage.removeItem(cacheKey(id));
  } catch {
    /* private mode */
  }
}

/** The QR code of the server as an image: an SVG in a data URL cannot run scripts in an <img>. */
function QrImage({ svg, label }: { svg: string; label: string }) {
  return <img src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={label} data-testid="checkin-qr" />;
}

/**
 * Props: the meeting (refreshed every 5 s by the page), the opened sign-in (with its QR) when this tab opened it.
 * A sign-in opened before its window shows its code at once, says when it opens, and can be started now.
 */
export function CheckinPanel({
  meeting,
  answer,
  open,
  busy,
  onHide,
  onReopen,
  onStartNow,
  onEnd,
}: {
  meeting: Meeting;
  answer: CheckinOpenAnswer | null;
  open: boolean;
  busy: boolean;
  onHide: () => void;
  onReopen: () => void;
  onStartNow: () => void;
  onEnd: () => void;
}) {
  const t = useT();
  const live = meeting.checkin;
  const code = live?.code ?? answer?.code ?? '';
  // The server sends the QR with the open sign-in; the copy from opening it is a fallback.
  const qr = live?.qrSvg ? { qrSvg: live.qrSvg } : answer && live && answer.code === live.code ? answer : null;
  const validFrom = live?.validFrom ?? answer?.validFrom;
  const validTo = live?.validTo ?? answer?.validTo;
  // The server says whether the window has begun; the page's clock only decides between two refreshes.
  const notYet = live ? !live.started && (!validFrom || Date.parse(validFrom) > Date.now()) : false;
  const selfIns = meeting.attendance
    .filter((a) => a.method === 'self' && a.checkedInAt)
    .sort((a, b) => (a.checkedInAt! < b.checkedInAt! ? 1 : -1));
  const present = meeting.attendance.filter((a) => a.status === 'present').length;
  const link = live?.url ?? `${window.location.origin}/m/checkin?code=${code}`;

  return (
    <Modal
      open={open}
      onCancel={onHide}
      width={880}
      centered
      title={t(`会议签到：${meeting.topic}`, `Sign-in: ${meeting.topic}`)}
      footer={
        <Space wrap>
          {live ? (
            <Popconfirm
              title={t('结束签到？签到码将立即失效。', 'End sign-in? The code stops working at once.')}
              okText={t('结束签到', 'End sign-in')}
              cancelText={t('取消', 'Cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onEnd}
            >
              <Button danger loading={busy} data-testid="checkin-end">
                {t('结束签到', 'End sign-in')}
              </Button>
            </Popconfirm>
          ) : null}
          <Button type="primary" onClick={onHide} data-testid="checkin-hide">
            {live ? t('收起（签到继续）', 'Hide (sign-in stays open)') : t('关闭', 'Close')}
          </Button>
        </Space>
      }
    >
      {!live ? (
        <Alert
          type="info"
          showIcon
          title={t('签到已结束', 'Sign-in has ended')}
          action={
            <Button size="small" onClick={onReopen} loading={busy}>
              {t('重新开启签到', 'Open sign-in again')}
            </Button>
          }
        />
      ) : (
        <div className="mt-checkin" data-testid="checkin-panel">
          <div className="mt-qr">
            {qr ? (
              <QrImage svg={qr.qrSvg} label={t(`签到二维码，签到码 ${code}`, `Sign-in QR code, code ${code}`)} />
            ) : (
              <Space orientation="vertical" style={{ padding: 24 }}>
                <span className="dj-muted">{t('此页面未保存二维码。', 'This page has no copy of the QR code.')}</span>
                <Button onClick={onReopen} loading={busy} data-testid="checkin-regenerate">
                  {t('重新生成二维码（签到码将更换）', 'New QR code (the code changes)')}
                </Button>
              </Space>
            )}
            <div className="mt-qr-url">
              {t('党员用手机扫码，或打开', 'Members scan it, or open')} {link}
            </div>
          </div>
          <div>
            <div className="mt-code-label">{t('6位签到码', '6-digit sign-in code')}</div>
            <div
              className="mt-code"
              data-testid="checkin-code"
              aria-label={t(`签到码 ${code.split('').join(' ')}`, `Code ${code.split('').join(' ')}`)}
            >
              {code}
            </div>
            <div className="mt-window" data-testid="checkin-window">
              {t('有效时间', 'Valid')} {chinaTime(validFrom)} –{' '}
              {chinaTime(validTo).slice(0, 10) === chinaTime(validFrom).slice(0, 10)
                ? chinaClock(validTo)
                : chinaTime(validTo)}
            </div>
            {notYet ? (
              <Alert
                type="warning"
                showIcon
                style={{ margin: '8px 0' }}
                data-testid="checkin-not-yet"
                title={t(
                  `签到将于 ${chinaTime(validFrom)} 开始（会前1小时），此前签到码无效`,
                  `Sign-in opens at ${chinaTime(validFrom)} (an hour before); the code does not work until then`,
                )}
                description={t(
                  '党员已到场时，可立即开始签到；签到码不变，操作记入审计日志。',
                  'When members are already here, start now; the code stays the same and the audit log records it.',
                )}
                action={
                  <Button
                    type="primary"
                    size="small"
                    onClick={onStartNow}
                    loading={busy}
                    data-testid="checkin-start-now"
                  >
                    {t('立即开始签到', 'Start now')}
                  </Button>
                }
              />
            ) : null}
            <div className="mt-live" aria-live="polite" data-testid="checkin-live">
              {present}{' '}
              <small>
                / {meeting.attendance.length} {t('人已到', 'present')}
              </small>
            </div>
            <div className="dj-muted">
              {t(
                `其中本人签到 ${selfIns.length} 人，每 5 秒刷新`,
                `${selfIns.length} signed in themselves; refreshed every 5 s`,
              )}
            </div>
            {selfIns.length ? (
              <ul className="mt-recent" aria-label={t('最近签到', 'Latest sign-ins')}>
                {selfIns.slice(0, 30).map((a) => (
                  <li key={a.memberId}>
                    <span>{a.name}</span>
                    <span className="dj-muted">{chinaClock(a.checkedInAt)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      )}
    </Modal>
  );
}
