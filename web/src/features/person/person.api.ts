import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateGoalRequest, TGoal, TProfile, TUpdateGoalRequest } from '@zhoubao/contracts';
import { API_BASE, api, type ListResponse } from '../../lib/api';

export const personKeys = {
  all: ['person'] as const,
  profile: (userId: string, from: string, to: string) => ['person', 'profile', userId, from, to] as const,
  goals: (userId: string) => ['person', 'goals', userId] as const,
};

const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}`;

/** A person's living file for a period (both ends included). */
export function useProfile(userId: string | undefined, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: personKeys.profile(userId ?? '', from ?? '', to ?? ''),
    queryFn: ({ signal }) => api.get<TProfile>(`${userPath(userId ?? '')}/profile`, { from, to }, signal),
    enabled: userId !== undefined && from !== undefined && to !== undefined,
  });
}

/** A person's goals with their linked items (all statuses), e.g. for the editor's goal picker. */
export function useGoals(userId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: personKeys.goals(userId ?? ''),
    queryFn: ({ signal }) => api.get<ListResponse<TGoal>>(`${userPath(userId ?? '')}/goals`, undefined, signal),
    enabled: enabled && userId !== undefined,
    staleTime: 60_000,
  });
}

/** Creates or changes one of the caller's goals; the living file and the goal lists refresh. */
export function useSaveGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TCreateGoalRequest | TUpdateGoalRequest }) =>
      id
        ? api.patch<TGoal>(`/me/goals/${encodeURIComponent(id)}`, body)
        : api.post<TGoal>('/me/goals', body as TCreateGoalRequest),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}

/** The Word growth album of a period (built by the album feature). */
export function albumDocxUrl(userId: string, from: string, to: string): string {
  const params = new URLSearchParams({ format: 'docx', from, to });
  return `${API_BASE}${userPath(userId)}/album?${params.toString()}`;
}

/** The album's print view (a page of the web app). */
export function albumPrintPath(userId: string, from: string, to: string): string {
  return `/people/${encodeURIComponent(userId)}/album?${new URLSearchParams({ from, to }).toString()}`;
}
