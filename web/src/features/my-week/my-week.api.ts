import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TReport, TReportVersion, TSaveReportRequest, TWeekInfo } from '@zhoubao/contracts';
import { api, isApiError, type ListResponse, type PageResponse } from '../../lib/api';

export const myWeekKeys = {
  all: ['my-week'] as const,
  currentWeek: ['weeks', 'current'] as const,
  week: (week: string) => ['weeks', 'info', week] as const,
  own: (week: string) => ['my-week', 'report', week] as const,
  history: (userId: string) => ['my-week', 'history', userId] as const,
  versions: (reportId: string) => ['my-week', 'versions', reportId] as const,
};

const reportPath = (week: string) => `/me/reports/${encodeURIComponent(week)}`;

/** The organisation's current week (the latest one a report may be written for). */
export function useCurrentWeek() {
  return useQuery({
    queryKey: myWeekKeys.currentWeek,
    queryFn: ({ signal }) => api.get<TWeekInfo>('/weeks/current', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** A week's dates and deadline. */
export function useWeekInfo(week: string) {
  return useQuery({
    queryKey: myWeekKeys.week(week),
    queryFn: ({ signal }) => api.get<TWeekInfo>(`/weeks/${encodeURIComponent(week)}`, undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** GET /me/reports/:week, with "no report yet" (404) as null. */
export async function fetchOwnReport(week: string, signal?: AbortSignal): Promise<TReport | null> {
  try {
    return await api.get<TReport>(reportPath(week), undefined, signal);
  } catch (e) {
    if (isApiError(e) && e.status === 404) return null;
    throw e;
  }
}

/** The caller's own report of a week (draft included), always fetched fresh when the editor opens. */
export function useOwnReport(week: string) {
  return useQuery({
    queryKey: myWeekKeys.own(week),
    queryFn: ({ signal }) => fetchOwnReport(week, signal),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

/** PUT /me/reports/:week: saves the draft, or a new version of a submitted report. */
export const saveOwnReport = (week: string, body: TSaveReportRequest) => api.put<TReport>(reportPath(week), body);

/** POST /me/reports/:week/submit. */
export const submitOwnReport = (week: string) => api.post<TReport>(`${reportPath(week)}/submit`);

/** The caller's submitted reports, newest week first, page by page. */
export function useReportHistory(userId: string) {
  return useInfiniteQuery({
    queryKey: myWeekKeys.history(userId),
    queryFn: ({ pageParam, signal }) =>
      api.get<PageResponse<TReport>>('/reports', { userId, limit: 12, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every saved version of a report, oldest first (loaded when the drawer opens). */
export function useReportVersions(reportId: string | null) {
  return useQuery({
    queryKey: myWeekKeys.versions(reportId ?? ''),
    queryFn: ({ signal }) =>
      api.get<ListResponse<TReportVersion>>(`/reports/${encodeURIComponent(reportId ?? '')}/versions`, undefined, signal),
    enabled: reportId !== null,
    staleTime: 0,
  });
}
