/**
 * The notification centre of the console: a drawer listing the user's notifications, mark one or all read, follow a
 * link.
 */
import { useState } from 'react';
import { Button, Drawer, Segmented, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';
import { useFeedback } from '../../../components/feedback';
import { LazyErrorResult as ErrorResult } from '../../../components/LazyStates';
import { chinaTime, safeLink, type NotificationItem } from '../../life/meetings/model';
import { useMarkRead, useNotifications } from './notifications';

const PAGE = 20;

/** The drawer (`open` toggles it; the list is asked again each time it opens). */
export default function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [size, setSize] = useState(PAGE);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useNotifications(size, unreadOnly, open);
  const mark = useMarkRead();
  const data = q.data;

  async function read(n: NotificationItem) {
    try {
      await mark.one(n.id);
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  async function follow(n: NotificationItem) {
    const link = safeLink(n.link);
    if (!n.readAt) void read(n);
    if (link) {
      onClose();
      navigate(link);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={460}
      title={t('消息通知', 'Notifications')}
      data-testid="notification-drawer"
      extra={
        <Button
          size="small"
          disabled={!data?.unread}
          onClick={async () => {
            try {
              await mark.all();
            } catch (e) {
              message.error((e as Error).message);
            }
          }}
          data-testid="read-all"
        >
          {t('全部已读', 'Mark all read')}
        </Button>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Segmented
          aria-label={t('显示', 'Show')}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setSize(PAGE);
          }}
          options={[
            { value: 'all', label: t('全部', 'All') },
            { value: 'unread', label: `${t('未读', 'Unread')}${data ? ` ${data.unread}` : ''}` },
          ]}
        />
        {q.error ? (
          <ErrorResult error={q.error} onRetry={() => q.refetch()} />
        ) : !data ? (
          <div className="dj-spinner" role="status" aria-label={t('加载中', 'Loading')} />
        ) : data.items.length === 0 ? (
          <p className="dj-empty">
            {unreadOnly ? t('没有未读消息', 'No unread notification') : t('暂无消息', 'No notifications yet')}
          </p>
        ) : (
          <ul className="dj-notes" aria-label={t('消息列表', 'Notifications')} data-testid="notification-list">
            {data.items.map((n) => {
              const link = safeLink(n.link);
              return (
                <li key={n.id} className={`dj-note${n.readAt ? '' : ' unread'}`} data-testid="notification-item">
                  <span className="dj-note-dot" aria-hidden />
                  <div className="dj-note-main">
                    <p className="dj-note-title">
                      {n.readAt ? null : <span className="sr-only">{t('未读：', 'Unread: ')}</span>}
                      {n.title}
                    </p>
                    <p className="dj-note-body">{n.body}</p>
                    <div className="dj-note-meta">
                      <time dateTime={n.createdAt}>{chinaTime(n.createdAt)}</time>
                      {link ? (
                        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => follow(n)}>
                          {t('去处理', 'Open')}
                        </Button>
                      ) : null}
                      {n.readAt ? (
                        <span>{t('已读', 'Read')}</span>
                      ) : (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0 }}
                          onClick={() => read(n)}
                          aria-label={t(`将「${n.title}」标为已读`, `Mark "${n.title}" read`)}
                        >
                          {t('标为已读', 'Mark read')}
                        </Button>
                      )}
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {data && data.items.length < (unreadOnly ? data.unread : data.total) ? (
          <Button block onClick={() => setSize((s) => s + PAGE)} loading={q.isFetching}>
            {t('加载更多', 'Load more')}
          </Button>
        ) : null}
      </Space>
    </Drawer>
  );
}
