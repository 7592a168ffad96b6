import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TScoreRow, TScoringRules, TScoringRulesState, TUserScores } from '@zhoubao/contracts';
import { API_BASE, api, type ListResponse } from '../../lib/api';

/** A period of weeks (both ends included) and an optional department. */
export interface ScoresFilter {
  from: string;
  to: string;
  departmentId?: string;
}

export const scoringKeys = {
  all: ['scoring'] as const,
  rules: ['scoring', 'rules'] as const,
  scores: (f: ScoresFilter) => ['scoring', 'scores', f.from, f.to, f.departmentId ?? ''] as const,
  user: (userId: string, from: string, to: string) => ['scoring', 'user', userId, from, to] as const,
};

/** The score rows of the people the caller may assess. */
export function useScores(filter: ScoresFilter | undefined) {
  return useQuery({
    queryKey: scoringKeys.scores(filter ?? { from: '', to: '' }),
    queryFn: ({ signal }) =>
      api.get<ListResponse<TScoreRow>>(
        '/scores',
        { from: filter?.from, to: filter?.to, departmentId: filter?.departmentId },
        signal,
      ),
    enabled: filter !== undefined,
  });
}

/** One person's weekly points with the breakdown of each week. */
export function useUserScores(userId: string | undefined, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: scoringKeys.user(userId ?? '', from ?? '', to ?? ''),
    queryFn: ({ signal }) => api.get<TUserScores>(`/users/${encodeURIComponent(userId ?? '')}/scores`, { from, to }, signal),
    enabled: userId !== undefined && from !== undefined && to !== undefined,
  });
}

export function useScoringRules() {
  return useQuery({
    queryKey: scoringKeys.rules,
    queryFn: ({ signal }) => api.get<TScoringRulesState>('/scoring/rules', undefined, signal),
  });
}

export function useSaveScoringRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: TScoringRules) => api.put<TScoringRulesState>('/scoring/rules', rules),
    onSuccess: (state) => {
      queryClient.setQueryData(scoringKeys.rules, state);
      void queryClient.invalidateQueries({ queryKey: scoringKeys.all });
    },
  });
}

/** The address of the .xlsx export of the filtered scores. */
export function scoresExportUrl(filter: ScoresFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.departmentId) params.set('departmentId', filter.departmentId);
  return `${API_BASE}/scores/export?${params.toString()}`;
}
