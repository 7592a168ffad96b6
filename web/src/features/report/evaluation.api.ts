import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TComment,
  TCreateCommentRequest,
  TEvaluation,
  TGradeRequest,
  TRateRequest,
  TUpdateCommentRequest,
  TUser,
} from '@zhoubao/contracts';
import { api, type ListResponse, type PageResponse } from '../../lib/api';

export const evaluationKeys = {
  comments: (id: string) => ['reports', 'comments', id] as const,
  evaluation: (id: string) => ['reports', 'evaluation', id] as const,
  mentionUsers: (q: string) => ['users', 'mention', q] as const,
};

const path = (id: string, rest: string) => `/reports/${encodeURIComponent(id)}/${rest}`;

/** The comments and feedback of a report, oldest first. */
export function useComments(reportId: string, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.comments(reportId),
    queryFn: ({ signal }) => api.get<ListResponse<TComment>>(path(reportId, 'comments'), undefined, signal),
    enabled,
  });
}

/** Likes, ratings and grades of a report, shaped by who asks. */
export function useEvaluation(reportId: string, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.evaluation(reportId),
    queryFn: ({ signal }) => api.get<TEvaluation>(path(reportId, 'evaluation'), undefined, signal),
    enabled,
  });
}

function useInvalidate(reportId: string, key: 'comments' | 'evaluation') {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: evaluationKeys[key](reportId) });
}

export function useCreateComment(reportId: string) {
  const invalidate = useInvalidate(reportId, 'comments');
  return useMutation({
    mutationFn: (body: TCreateCommentRequest) => api.post<TComment>(path(reportId, 'comments'), body),
    onSuccess: invalidate,
  });
}

export function useUpdateComment(reportId: string) {
  const invalidate = useInvalidate(reportId, 'comments');
  return useMutation({
    mutationFn: ({ commentId, ...body }: TUpdateCommentRequest & { commentId: string }) =>
      api.patch<TComment>(path(reportId, `comments/${encodeURIComponent(commentId)}`), body),
    onSuccess: invalidate,
  });
}

export function useDeleteComment(reportId: string) {
  const invalidate = useInvalidate(reportId, 'comments');
  return useMutation({
    mutationFn: (commentId: string) => api.delete(path(reportId, `comments/${encodeURIComponent(commentId)}`)),
    onSuccess: invalidate,
  });
}

/** Likes or unlikes; the count updates at once and settles with the server's answer. */
export function useToggleLike(reportId: string) {
  const queryClient = useQueryClient();
  const key = evaluationKeys.evaluation(reportId);
  return useMutation({
    mutationFn: (like: boolean) => (like ? api.put(path(reportId, 'like')) : api.delete(path(reportId, 'like'))),
    onMutate: async (like) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<TEvaluation>(key);
      if (before && before.likedByMe !== like) {
        queryClient.setQueryData<TEvaluation>(key, { ...before, likedByMe: like, likes: before.likes + (like ? 1 : -1) });
      }
      return { before };
    },
    onError: (_e, _like, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useRate(reportId: string) {
  const invalidate = useInvalidate(reportId, 'evaluation');
  return useMutation({ mutationFn: (body: TRateRequest) => api.put(path(reportId, 'rating'), body), onSuccess: invalidate });
}

export function useGrade(reportId: string) {
  const invalidate = useInvalidate(reportId, 'evaluation');
  return useMutation({ mutationFn: (body: TGradeRequest) => api.put(path(reportId, 'grade'), body), onSuccess: invalidate });
}

/** People whose name matches `q`, for @mentions (empty until something is typed). */
export function useMentionUsers(q: string) {
  return useQuery({
    queryKey: evaluationKeys.mentionUsers(q),
    queryFn: ({ signal }) => api.get<PageResponse<TUser>>('/users', { q, limit: 10 }, signal),
    enabled: q.trim() !== '',
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}
