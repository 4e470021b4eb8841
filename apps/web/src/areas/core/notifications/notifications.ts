/**
 * The notification centre's data: the unread count (polled), the list, mark read. Shared by the console and the phone
 * pages.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { NotificationPage } from '../../life/meetings/model';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** How often the unread count is asked again. */
export const UNREAD_POLL_MS = 60_000;

/** The number of unread notifications of the signed-in user, asked every minute. */
export function useUnreadCount(enabled = true): number {
  const q = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/notifications', { unread: true, pageSize: 1 }, signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 30_000,
    enabled,
  });
  return q.data?.unread ?? 0;
}

/** The first `pageSize` notifications, newest first (optionally only the unread). */
export function useNotifications(pageSize: number, unreadOnly = false, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', pageSize, unreadOnly],
    queryFn: ({ signal }) =>
      api.get<NotificationPage>('/api/notifications', { pageSize, unread: unreadOnly || undefined }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    enabled,
  });
}

/** Mark one read, or all read; both refresh the count and the list. */
export function useMarkRead() {
  const qc = useQueryClient();
  const refresh = useCallback(() => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }), [qc]);
  const one = useCallback(
    async (id: number) => {
      await api.post(`/api/notifications/${id}/read`);
      await refresh();
    },
    [refresh],
  );
  const all = useCallback(async () => {
    await api.post('/api/notifications/read-all');
    await refresh();
  }, [refresh]);
  return { one, all };
}
