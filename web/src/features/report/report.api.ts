import { useQuery } from '@tanstack/react-query';
import type { TReport, TReportReader, TReportVersion } from '@zhoubao/contracts';
import { api, isApiError, type ListResponse } from '../../lib/api';

export const reportKeys = {
  all: ['reports'] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  versions: (id: string) => ['reports', 'versions', id] as const,
  readers: (id: string) => ['reports', 'readers', id] as const,
};

/** Resolves to null instead of throwing when the API answers with `status`. */
export async function orNullOn<T>(status: number, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (e) {
    if (isApiError(e) && e.status === status) return null;
    throw e;
  }
}

/** One report as the caller may see it; opening it records a read receipt for anyone but the author. */
export function useReport(id: string) {
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: ({ signal }) => api.get<TReport>(`/reports/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** The saved versions of a report, oldest first (loaded when the drawer opens). */
export function useReportVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.versions(id),
    queryFn: ({ signal }) =>
      api.get<ListResponse<TReportVersion>>(`/reports/${encodeURIComponent(id)}/versions`, undefined, signal),
    enabled,
  });
}

/** Who read a report; null when the caller may not know (403: neither the author nor one who oversees them). */
export function useReportReaders(id: string) {
  return useQuery({
    queryKey: reportKeys.readers(id),
    queryFn: ({ signal }) =>
      orNullOn(403, () => api.get<ListResponse<TReportReader>>(`/reports/${encodeURIComponent(id)}/readers`, undefined, signal)),
  });
}
