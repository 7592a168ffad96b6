import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TChannelResult,
  TCreateWebhookRequest,
  TDelivery,
  TDeliveryStatus,
  TSmtpSettings,
  TUpdateSmtpRequest,
  TUpdateWebhookRequest,
  TWebhook,
} from '@zhoubao/contracts';
import { api, type ListResponse, type PageResponse } from '../../lib/api';

export const integrationKeys = {
  webhooks: ['integrations', 'webhooks'] as const,
  deliveries: ['integrations', 'deliveries'] as const,
  deliveryList: (status: TDeliveryStatus | undefined) => ['integrations', 'deliveries', status ?? 'all'] as const,
  smtp: ['integrations', 'smtp'] as const,
};

/** GET /webhooks (admin). */
export function useWebhooks() {
  return useQuery({
    queryKey: integrationKeys.webhooks,
    queryFn: ({ signal }) => api.get<ListResponse<TWebhook>>('/webhooks', undefined, signal),
  });
}

function useInvalidateWebhooks() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: integrationKeys.webhooks }),
      queryClient.invalidateQueries({ queryKey: integrationKeys.deliveries }),
    ]);
}

/** POST /webhooks. */
export function useCreateWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (body: TCreateWebhookRequest) => api.post<TWebhook>('/webhooks', body),
    onSuccess: invalidate,
  });
}

/** PATCH /webhooks/:id. */
export function useUpdateWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: ({ id, ...body }: TUpdateWebhookRequest & { id: string }) =>
      api.patch<TWebhook>(`/webhooks/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

/** DELETE /webhooks/:id. */
export function useDeleteWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/webhooks/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

/** POST /webhooks/:id/test: sends a test message now and returns the receiver's answer. */
export function useTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TChannelResult>(`/webhooks/${encodeURIComponent(id)}/test`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: integrationKeys.deliveries }),
  });
}

/** GET /deliveries, newest first, a page at a time; refreshed every 10 s while open. */
export function useDeliveries(status: TDeliveryStatus | undefined) {
  return useInfiniteQuery({
    queryKey: integrationKeys.deliveryList(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<PageResponse<TDelivery>>('/deliveries', { status, cursor: pageParam, limit: 30 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
}

/** POST /deliveries/:id/retry. */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TDelivery>(`/deliveries/${encodeURIComponent(id)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationKeys.deliveries }),
  });
}

/** GET /integrations/smtp. */
export function useSmtp() {
  return useQuery({
    queryKey: integrationKeys.smtp,
    queryFn: ({ signal }) => api.get<TSmtpSettings>('/integrations/smtp', undefined, signal),
  });
}

/** PUT /integrations/smtp. */
export function useSaveSmtp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateSmtpRequest) => api.put<TSmtpSettings>('/integrations/smtp', body),
    onSuccess: (saved) => queryClient.setQueryData(integrationKeys.smtp, saved),
  });
}

/** POST /integrations/smtp/test. */
export function useTestSmtp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (to: string) => api.post<TChannelResult>('/integrations/smtp/test', { to }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: integrationKeys.deliveries }),
  });
}
