import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TJobRun, TScheduleSettings, TSchedulesState } from '@zhoubao/contracts';
import { api, type PageResponse } from '../../lib/api';

export const scheduleKeys = {
  schedules: ['integrations', 'schedules'] as const,
  runs: ['integrations', 'job-runs'] as const,
};

/** GET /integrations/schedules (admin): the settings, whether the server runs them, and the next runs. */
export function useSchedules() {
  return useQuery({
    queryKey: scheduleKeys.schedules,
    queryFn: ({ signal }) => api.get<TSchedulesState>('/integrations/schedules', undefined, signal),
  });
}

/** PUT /integrations/schedules: the saved state (with its new next runs) replaces the cached one. */
export function useSaveSchedules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TScheduleSettings) => api.put<TSchedulesState>('/integrations/schedules', body),
    onSuccess: (saved) => queryClient.setQueryData(scheduleKeys.schedules, saved),
  });
}

/** GET /integrations/job-runs, newest first, a page at a time; refreshed every 30 s while open. */
export function useJobRuns() {
  return useInfiniteQuery({
    queryKey: scheduleKeys.runs,
    queryFn: ({ pageParam, signal }) =>
      api.get<PageResponse<TJobRun>>('/integrations/job-runs', { cursor: pageParam, limit: 20 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}
