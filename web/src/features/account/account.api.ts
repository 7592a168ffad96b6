import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiToken, TChangePasswordRequest, TCreatedApiToken } from '@zhoubao/contracts';
import { api, type ListResponse } from '../../lib/api';

export const accountKeys = {
  tokens: ['account', 'api-tokens'] as const,
};

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: TChangePasswordRequest) => api.post<void>('/me/password', body),
  });
}

/** The caller's API tokens (never the secret itself). */
export function useApiTokens() {
  return useQuery({
    queryKey: accountKeys.tokens,
    queryFn: () => api.get<ListResponse<TApiToken>>('/api-tokens'),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<TCreatedApiToken>('/api-tokens', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}
