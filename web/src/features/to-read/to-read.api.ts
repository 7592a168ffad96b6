import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TToReadItem } from '@zhoubao/contracts';
import { useEffect } from 'react';
import { api, type ListResponse } from '../../lib/api';

export const toReadKeys = {
  all: ['to-read'] as const,
  week: (week: string) => ['to-read', week] as const,
};

/** This week's (or `week`'s) submitted reports of one's people that one has not opened yet. */
export function useToRead(week: string | undefined) {
  return useQuery({
    queryKey: toReadKeys.week(week ?? ''),
    queryFn: ({ signal }) => api.get<ListResponse<TToReadItem>>('/me/to-read', { week }, signal),
    enabled: week !== undefined,
    refetchOnMount: 'always',
  });
}

/** Opening a report records a read receipt: once it has loaded, the "to read" lists are stale. */
export function useInvalidateToReadWhen(loaded: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (loaded) void queryClient.invalidateQueries({ queryKey: toReadKeys.all });
  }, [loaded, queryClient]);
}
