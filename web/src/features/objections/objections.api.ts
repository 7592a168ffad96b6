import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TObjection,
  TObjectionAnswer,
  TObjectionCreate,
  TObjectionStatus,
  TObjectionsPage,
  TUser,
} from '@zhoubao/contracts';
import { api } from '../../lib/api';
import { hasRole } from '../../lib/roles';

/** Who works through everyone's objections: assessors (the server answers 403 to anyone else). */
export const canHandleObjections = (user: TUser): boolean => hasRole(user, 'assessor');

export interface ObjectionsFilter {
  status: TObjectionStatus;
  departmentId?: string;
}

export const objectionKeys = {
  all: ['objections'] as const,
  mine: (from: string, to: string) => ['objections', 'mine', from, to] as const,
  list: (f: ObjectionsFilter) => ['objections', 'list', f.status, f.departmentId ?? ''] as const,
};

/** The caller's own objections for the weeks `from`…`to` (a person raises few: one page of 100 is plenty). */
export function useMyObjections(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: objectionKeys.mine(from ?? '', to ?? ''),
    queryFn: ({ signal }) => api.get<TObjectionsPage>('/me/objections', { from, to, limit: 100 }, signal),
    enabled: from !== undefined && to !== undefined,
  });
}

/** Everyone's objections (assessors), newest first, page by page. */
export function useObjections(filter: ObjectionsFilter) {
  return useInfiniteQuery({
    queryKey: objectionKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<TObjectionsPage>('/objections', { ...filter, cursor: pageParam, limit: 20 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Raises an objection to one of the caller's weeks. */
export function useRaiseObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TObjectionCreate) => api.post<TObjection>('/me/objections', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: objectionKeys.all }),
  });
}

/** Answers an objection (assessors). */
export function useAnswerObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TObjectionAnswer }) =>
      api.post<TObjection>(`/objections/${encodeURIComponent(id)}/answer`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: objectionKeys.all }),
  });
}
