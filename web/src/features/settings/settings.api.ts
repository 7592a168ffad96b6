import { useQuery } from '@tanstack/react-query';
import type { TSettings } from '@zhoubao/contracts';
import { api } from '../../lib/api';

export const settingsKeys = {
  all: ['settings'] as const,
};

/** The organisation's settings (readable by every signed-in user). */
export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: () => api.get<TSettings>('/settings'),
    staleTime: 10 * 60_000,
  });
}
