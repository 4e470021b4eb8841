/**
 * The header's bell: the unread count (asked every minute) and, on click, the notification drawer (loaded on first
 * use).
 */
import { Suspense, lazy, useState } from 'react';
import { Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n';
import { useUnreadCount } from './notifications';
import './notifications.css';

const NotificationDrawer = lazy(() => import('./NotificationDrawer'));

/** The bell with its unread badge; opens the drawer. */
export function NotificationBell() {
  const t = useT();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <>
      <span className="dj-bell">
        <Button
          icon={<BellOutlined />}
          aria-label={
            unread ? t(`消息通知，${unread} 条未读`, `Notifications, ${unread} unread`) : t('消息通知', 'Notifications')
          }
          aria-haspopup="dialog"
          onClick={() => {
            setLoaded(true);
            setOpen(true);
          }}
          onMouseEnter={() => void import('./NotificationDrawer')}
          data-testid="notification-bell"
        />
        {unread > 0 ? (
          <span className="dj-bell-count" aria-hidden data-testid="unread-count">
            {shown}
          </span>
        ) : null}
      </span>
      {loaded ? (
        <Suspense fallback={null}>
          <NotificationDrawer open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
