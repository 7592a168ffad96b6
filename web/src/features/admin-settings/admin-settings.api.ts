import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCalendarOverride,
  TCalendarStatus,
  TDateRangeQuery,
  THolidayNoticeApplied,
  THolidayNoticePreview,
  THolidayNoticeRequest,
  TPutCalendarOverrideRequest,
  TSettings,
  TUpdateSettingsRequest,
  TWeekInfo,
} from '@zhoubao/contracts';
import { api, type ListResponse } from '../../lib/api';
import { settingsKeys } from '../settings/settings.api';

// The week keys are shared with the other pages that read weeks, so a settings or calendar change
// refreshes every deadline shown anywhere in the app.
export const adminSettingsKeys = {
  weeks: ['weeks'] as const,
  currentWeek: ['weeks', 'current'] as const,
  week: (week: string) => ['weeks', 'info', week] as const,
  overrides: ['calendar', 'overrides'] as const,
  overrideList: (range: TDateRangeQuery) => ['calendar', 'overrides', range] as const,
  status: ['calendar', 'status'] as const,
};

/** The organisation's current week with its deadline. */
export function useCurrentWeekInfo() {
  return useQuery({
    queryKey: adminSettingsKeys.currentWeek,
    queryFn: ({ signal }) => api.get<TWeekInfo>('/weeks/current', undefined, signal),
    staleTime: 60_000,
  });
}

/** The dates, working days and deadlines of several weeks (one request each, cached per week). */
export function useWeekInfos(weeks: string[]) {
  return useQueries({
    queries: weeks.map((week) => ({
      queryKey: adminSettingsKeys.week(week),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<TWeekInfo>(`/weeks/${encodeURIComponent(week)}`, undefined, signal),
      staleTime: 60_000,
    })),
  });
}

/** PATCH /settings (admin); the saved settings replace the cached ones and every deadline is refetched. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateSettingsRequest) => api.patch<TSettings>('/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.all, saved);
      void queryClient.invalidateQueries({ queryKey: adminSettingsKeys.weeks });
    },
  });
}

/** The organisation's calendar overrides in a date range, by date. */
export function useCalendarOverrides(range: TDateRangeQuery) {
  return useQuery({
    queryKey: adminSettingsKeys.overrideList(range),
    queryFn: ({ signal }) =>
      api.get<ListResponse<TCalendarOverride>>('/calendar/overrides', { from: range.from, to: range.to }, signal),
  });
}

function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminSettingsKeys.overrides }),
      queryClient.invalidateQueries({ queryKey: adminSettingsKeys.status }),
      queryClient.invalidateQueries({ queryKey: adminSettingsKeys.weeks }),
    ]);
}

/** PUT /calendar/overrides/:date (admin): makes a date a working day or a day off. */
export function usePutOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ date, ...body }: TPutCalendarOverrideRequest & { date: string }) =>
      api.put<TCalendarOverride>(`/calendar/overrides/${encodeURIComponent(date)}`, body),
    onSuccess: invalidate,
  });
}

/** DELETE /calendar/overrides/:date (admin): the official calendar applies to that date again. */
export function useDeleteOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (date: string) => api.delete(`/calendar/overrides/${encodeURIComponent(date)}`),
    onSuccess: invalidate,
  });
}

/** Which years the calendar knows: the built-in official data and the imported notices. */
export function useCalendarStatus() {
  return useQuery({
    queryKey: adminSettingsKeys.status,
    queryFn: ({ signal }) => api.get<TCalendarStatus>('/calendar/status', undefined, signal),
    staleTime: 60_000,
  });
}

/** POST /calendar/notices/preview (admin): what a pasted holiday notice would change; writes nothing. */
export function usePreviewHolidayNotice() {
  return useMutation({
    mutationFn: (body: THolidayNoticeRequest) => api.post<THolidayNoticePreview>('/calendar/notices/preview', body),
  });
}

/** POST /calendar/notices (admin): saves a holiday notice's days as calendar overrides. */
export function useApplyHolidayNotice() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (body: THolidayNoticeRequest) => api.post<THolidayNoticeApplied>('/calendar/notices', body),
    onSuccess: invalidate,
  });
}
