import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMarkNotificationsReadRequest, TNotificationsPage } from '@zhoubao/contracts';
import { api } from '../../lib/api';

export const notificationKeys = {
  all: ['notifications'] as const,
  inbox: ['notifications', 'inbox'] as const,
};

const PAGE = 30;

/** The newest notifications and the unread count; polled every minute and whenever the window regains focus. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.inbox,
    queryFn: ({ signal }) => api.get<TNotificationsPage>('/me/notifications', { limit: PAGE }, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
  });
}

/** Marks the given notifications (or, with `{all: true}`, every one) read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TMarkNotificationsReadRequest) => api.post<void>('/me/notifications/read', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
