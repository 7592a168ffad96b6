import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCreateUserRequest, TImportResult, TUpdateUserRequest, TUser } from '@zhoubao/contracts';
import { api, type PageResponse, request } from '../../lib/api';

export interface UserFilters {
  q?: string;
  departmentId?: string;
  includeInactive?: boolean;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

/** GET /users page by page (nextCursor), for "load more" lists. */
export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<PageResponse<TUser>>(
        '/users',
        {
          q: filters.q,
          departmentId: filters.departmentId,
          includeInactive: filters.includeInactive ? 'true' : undefined,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: TCreateUserRequest) => api.post<TUser>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: TUpdateUserRequest & { id: string }) =>
      api.patch<TUser>(`/users/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

/** POST /users/import: a CSV text body or an .xlsx file as multipart. */
export function useImportUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string } | { xlsx: File }) => {
      if ('csv' in input) {
        return request<TImportResult>('POST', '/users/import', {
          body: input.csv,
          contentType: 'text/csv; charset=utf-8',
        });
      }
      const form = new FormData();
      form.append('file', input.xlsx, input.xlsx.name);
      return request<TImportResult>('POST', '/users/import', { body: form });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      // The import creates departments named by path when they are missing.
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
    },
  });
}
