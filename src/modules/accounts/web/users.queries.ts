import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { usersApi } from '../account.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type UserListQuery = EndpointInput<typeof usersApi.list>['query'];

export function useUserList(query: UserListQuery) {
  return useApi(usersApi.list, { query }, { keepPrevious: true });
}

export function useUser(id: string | undefined) {
  return useApi(usersApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}
