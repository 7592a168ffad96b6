import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateDepartmentRequest, TDepartment, TUpdateDepartmentRequest } from '@zhoubao/contracts';
import { useMemo } from 'react';
import { api, type ListResponse } from '../../lib/api';
import { buildDepartmentTree, type DepartmentNode } from '../../lib/department-tree';

export const departmentKeys = {
  all: ['departments'] as const,
};

export interface DepartmentsData {
  items: TDepartment[];
  tree: DepartmentNode[];
  byId: Map<string, TDepartment>;
}

/** All departments, with the tree and an id index built once per fetch. */
export function useDepartments() {
  const query = useQuery({
    queryKey: departmentKeys.all,
    queryFn: () => api.get<ListResponse<TDepartment>>('/departments'),
    staleTime: 60_000,
  });
  const items = query.data?.items;
  const data = useMemo<DepartmentsData | undefined>(
    () =>
      items && {
        items,
        tree: buildDepartmentTree(items),
        byId: new Map(items.map((d) => [d.id, d])),
      },
    [items],
  );
  return { ...query, data };
}

function useInvalidateDepartments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: departmentKeys.all });
}

export function useCreateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (body: TCreateDepartmentRequest) => api.post<TDepartment>('/departments', body),
    onSuccess: invalidate,
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: ({ id, ...body }: TUpdateDepartmentRequest & { id: string }) =>
      api.patch<TDepartment>(`/departments/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

/** Gives siblings consecutive sortOrder values in the order given (only the changed ones are sent). */
export function useReorderDepartments() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: async (ordered: TDepartment[]) => {
      for (const [index, d] of ordered.entries()) {
        const sortOrder = (index + 1) * 10;
        if (d.sortOrder !== sortOrder) {
          await api.patch<TDepartment>(`/departments/${encodeURIComponent(d.id)}`, { sortOrder });
        }
      }
    },
    onSettled: invalidate,
  });
}

export function useDeleteDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/departments/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}
