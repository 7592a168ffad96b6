import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAbsence, TCreateAbsenceRequest } from '@zhoubao/contracts';
import { api, type ListResponse } from '../../lib/api';

export const absenceKeys = {
  all: ['absences'] as const,
  ofUser: (userId: string) => ['absences', userId] as const,
};

const absencesPath = (userId: string) => `/users/${encodeURIComponent(userId)}/absences`;

/** A person's absences (leave), latest first. */
export function useAbsences(userId: string) {
  return useQuery({
    queryKey: absenceKeys.ofUser(userId),
    queryFn: ({ signal }) => api.get<ListResponse<TAbsence>>(absencesPath(userId), undefined, signal),
  });
}

/** POST /users/:id/absences: records leave (the person, their head or an admin). */
export function useRecordAbsence(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAbsenceRequest) => api.post<TAbsence>(absencesPath(userId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absenceKeys.ofUser(userId) }),
  });
}

/** DELETE /users/:id/absences/:absenceId: withdraws leave (kept on the server, marked deleted). */
export function useWithdrawAbsence(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (absenceId: string) => api.delete(`${absencesPath(userId)}/${encodeURIComponent(absenceId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absenceKeys.ofUser(userId) }),
  });
}
