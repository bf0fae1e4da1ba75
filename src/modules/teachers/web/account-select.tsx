import { useState } from 'react';
import { usersApi, type User } from '../../accounts/account.contract';
import { useApi } from '../../../web/api/hooks';
import { SearchSelect, type SearchSelectProps } from '../../../web/components/field-search-select';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './teachers.messages';

/** Find an account in the admin's reach by name or username (the server checks the link again). */
export function AccountSelect(props: SearchSelectProps<User>) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi(usersApi.list, { query: { q, pageSize: 20, page: 1 } }, { enabled: q.trim().length > 0 });
  return (
    <SearchSelect
      {...props}
      items={found.data?.items ?? []}
      optionLabel={(u) => `${u.displayName} (${u.username}) · ${u.homeNodeName}`}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder={t(M.searchAccount)}
    />
  );
}
