import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../account.contract';
import type { Page } from '../../../shared/pagination';
import type { Role } from '../../../shared/roles';
import { api } from '../../../web/api/client';

export type UserListQuery = {
  q?: string;
  nodeId?: string;
  role?: Role;
  disabled?: 'true' | 'false';
  page: number;
  pageSize: number;
};

export const usersKey = ['users'] as const;
export const userKey = (id: string) => ['users', 'one', id] as const;

export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => api.get<Page<User>>('/api/users', query),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({ queryKey: userKey(id ?? ''), queryFn: () => api.get<User>(`/api/users/${id}`), enabled: !!id });
}

/** After any change to accounts: the list and the open account are read again. */
export function useUsersRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: usersKey });
}
