import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSessionResponse, TSetupRequest, TSetupStatus } from '@zhoubao/contracts';
import { api } from '../../lib/api';
import { authKeys } from '../auth/auth.api';
import { adoptPickedLanguage } from '../auth/locale';

export const setupKeys = {
  status: ['setup', 'status'] as const,
};

/** GET /setup: whether the first-run page is needed. */
export function useSetupStatus() {
  return useQuery({
    queryKey: setupKeys.status,
    queryFn: () => api.get<TSetupStatus>('/setup'),
    staleTime: 60_000,
  });
}

/** POST /setup: creates the first admin and signs them in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TSetupRequest) => adoptPickedLanguage(await api.post<TSessionResponse>('/setup', body)),
    onSuccess: (session) => {
      queryClient.setQueryData(authKeys.session, session);
      queryClient.setQueryData<TSetupStatus>(setupKeys.status, { needsSetup: false });
    },
  });
}
