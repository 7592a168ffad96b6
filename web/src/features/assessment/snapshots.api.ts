import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAssessment,
  TAssessmentCandidate,
  TAssessmentCreate,
  TAssessmentSummary,
  TCandidateBody,
  TUser,
} from '@zhoubao/contracts';
import { API_BASE, api, type ListResponse } from '../../lib/api';
import { hasRole } from '../../lib/roles';

/** Assessments (frozen snapshots) are the assessment office's: the server allows assessors only. */
export const canUseSnapshots = (user: TUser): boolean => hasRole(user, 'assessor');

/** The share of each department suggested as candidates when the address names none. */
export const DEFAULT_SHARE = 0.2;

export const snapshotKeys = {
  all: ['assessments'] as const,
  list: ['assessments', 'list'] as const,
  one: (id: string) => ['assessments', 'one', id] as const,
  withShare: (id: string, share: number) => ['assessments', 'one', id, share] as const,
};

const path = (id: string) => `/assessments/${encodeURIComponent(id)}`;

/** Every snapshot, newest first, without rows. */
export function useSnapshots(enabled = true) {
  return useQuery({
    queryKey: snapshotKeys.list,
    queryFn: ({ signal }) => api.get<ListResponse<TAssessmentSummary>>('/assessments', undefined, signal),
    enabled,
  });
}

/** One snapshot with its frozen rows, the suggested candidates for `share`, and the marked candidates. */
export function useSnapshot(id: string, share: number) {
  return useQuery({
    queryKey: snapshotKeys.withShare(id, share),
    queryFn: ({ signal }) => api.get<TAssessment>(path(id), { share }, signal),
    // Changing the share keeps the table on screen while the new suggestion loads.
    placeholderData: keepPreviousData,
  });
}

/** Takes a snapshot of the period's scores under the rules in force. */
export function useCreateSnapshot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssessmentCreate) => api.post<TAssessment>('/assessments', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: snapshotKeys.list }),
  });
}

/** Marks a person of the snapshot as a candidate (again: replaces the note). */
export function useMarkCandidate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: TCandidateBody & { userId: string }) =>
      api.put<TAssessmentCandidate>(`${path(id)}/candidates/${encodeURIComponent(userId)}`, body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: snapshotKeys.one(id) }),
  });
}

export function useUnmarkCandidate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`${path(id)}/candidates/${encodeURIComponent(userId)}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: snapshotKeys.one(id) }),
  });
}

/** Locks the snapshot: its candidates no longer change. */
export function useLockSnapshot(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TAssessment>(`${path(id)}/lock`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: snapshotKeys.all }),
  });
}

/** The address of the snapshot's .xlsx export. */
export const snapshotExportUrl = (id: string): string => `${API_BASE}${path(id)}/export`;
