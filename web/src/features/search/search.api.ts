import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TSearchHit, TUser } from '@zhoubao/contracts';
import { api, type PageResponse } from '../../lib/api';

/** What a search asks for; `q` is required, the rest narrow it. */
export interface SearchParams {
  q: string;
  from?: string | undefined;
  to?: string | undefined;
  departmentId?: string | undefined;
  userId?: string | undefined;
}

export const searchKeys = {
  all: ['search'] as const,
  hits: (p: SearchParams) => ['search', 'hits', p] as const,
  people: (q: string) => ['search', 'people', q] as const,
};

/** GET /search page by page (nextCursor); disabled while there is no query. */
export function useSearch(params: SearchParams | null) {
  return useInfiniteQuery({
    queryKey: searchKeys.hits(params ?? { q: '' }),
    queryFn: ({ pageParam, signal }) =>
      api.get<PageResponse<TSearchHit>>(
        '/search',
        {
          q: params?.q,
          from: params?.from,
          to: params?.to,
          departmentId: params?.departmentId,
          userId: params?.userId,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: params !== null,
  });
}

/** People whose name matches what is typed, for the person filter (first page of GET /users). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: searchKeys.people(q),
    queryFn: ({ signal }) => api.get<PageResponse<TUser>>('/users', { q: q || undefined }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** One person by id, to show the chosen person's name when the page opens from a link. */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => api.get<TUser>(`/users/${encodeURIComponent(id as string)}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
