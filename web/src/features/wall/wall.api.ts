import { useQuery } from '@tanstack/react-query';
import type { TWall, TWeekInfo } from '@zhoubao/contracts';
import { api } from '../../lib/api';

export const weekKeys = {
  current: ['weeks', 'current'] as const,
};

export const wallKeys = {
  all: ['wall'] as const,
  week: (week: string) => ['wall', week] as const,
};

/** The organisation's current week (its time zone decides), with its deadline. */
export function useCurrentWeek() {
  return useQuery({
    queryKey: weekKeys.current,
    queryFn: ({ signal }) => api.get<TWeekInfo>('/weeks/current', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Every department's progress for a week and their published bulletins. */
export function useWall(week: string | undefined) {
  return useQuery({
    queryKey: wallKeys.week(week ?? ''),
    queryFn: ({ signal }) => api.get<TWall>(`/wall/${encodeURIComponent(week ?? '')}`, undefined, signal),
    enabled: week !== undefined,
  });
}
