import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBulletin, TDepartmentSummary, TSaveSummaryRequest, TUser } from '@zhoubao/contracts';
import { api, type PageResponse } from '../../lib/api';
import { orNullOn } from '../report/report.api';
import { wallKeys } from '../wall/wall.api';

export const bulletinKeys = {
  all: ['bulletins'] as const,
  summary: (departmentId: string, week: string) => ['bulletins', 'summary', departmentId, week] as const,
  preview: (departmentId: string, week: string) => ['bulletins', 'preview', departmentId, week] as const,
  published: (departmentId: string, week: string) => ['bulletins', 'published', departmentId, week] as const,
  members: (departmentId: string) => ['bulletins', 'members', departmentId] as const,
};

const base = (departmentId: string) => `/departments/${encodeURIComponent(departmentId)}`;

/** The department's summary of the week; null when none has been written yet. */
export function useSummary(departmentId: string, week: string, enabled: boolean) {
  return useQuery({
    queryKey: bulletinKeys.summary(departmentId, week),
    queryFn: ({ signal }) =>
      orNullOn(404, () => api.get<TDepartmentSummary>(`${base(departmentId)}/summaries/${week}`, undefined, signal)),
    enabled,
  });
}

/** The bulletin compiled live from today's data (head, leaders, assessors only). */
export function usePreviewBulletin(departmentId: string, week: string, enabled: boolean) {
  return useQuery({
    queryKey: bulletinKeys.preview(departmentId, week),
    queryFn: ({ signal }) => api.get<TBulletin>(`${base(departmentId)}/bulletins/${week}`, { preview: 'true' }, signal),
    enabled,
  });
}

/** The latest published bulletin of the week; null while none is published. */
export function usePublishedBulletin(departmentId: string, week: string) {
  return useQuery({
    queryKey: bulletinKeys.published(departmentId, week),
    queryFn: ({ signal }) =>
      orNullOn(404, () => api.get<TBulletin>(`${base(departmentId)}/bulletins/${week}`, undefined, signal)),
  });
}

/** The department's active members in department order (for the status list). */
export function useDepartmentMembers(departmentId: string) {
  return useQuery({
    queryKey: bulletinKeys.members(departmentId),
    queryFn: ({ signal }) => api.get<PageResponse<TUser>>('/users', { departmentId, limit: 1000 }, signal),
    staleTime: 60_000,
  });
}

export function useSaveSummary(departmentId: string, week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSaveSummaryRequest) => api.put<TDepartmentSummary>(`${base(departmentId)}/summaries/${week}`, body),
    onSuccess: (summary) => {
      queryClient.setQueryData(bulletinKeys.summary(departmentId, week), summary);
      void queryClient.invalidateQueries({ queryKey: bulletinKeys.preview(departmentId, week) });
    },
  });
}

/** Publishes (or republishes, as a new version) the department's bulletin of the week. */
export function usePublishBulletin(departmentId: string, week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TBulletin>(`${base(departmentId)}/summaries/${week}/publish`),
    onSuccess: (bulletin) => {
      queryClient.setQueryData(bulletinKeys.published(departmentId, week), bulletin);
      void queryClient.invalidateQueries({ queryKey: bulletinKeys.preview(departmentId, week) });
      void queryClient.invalidateQueries({ queryKey: wallKeys.week(week) });
    },
  });
}
