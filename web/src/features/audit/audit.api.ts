import { useInfiniteQuery } from '@tanstack/react-query';
import type { TAuditEntry } from '@zhoubao/contracts';
import { api, type PageResponse } from '../../lib/api';

export interface AuditFilters {
  from?: string;
  to?: string;
  action?: string;
  actorId?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};

/** GET /audit, newest first, page by page. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api.get<PageResponse<TAuditEntry>>('/audit', { ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
