import { useState } from 'react';
import { Select } from 'antd';
import { usersApi } from '../../accounts/account.contract';
import { useApi } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './teachers.messages';

type Props = {
  value?: string | null;
  onChange?: (id: string | null) => void;
  initial: { id: string; name: string } | null;
  id?: string;
};

/** Find an account in the admin's reach by name or username (the server checks the link again). */
export function AccountSelect({ value, onChange, initial, id }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi(usersApi.list, { query: { q, pageSize: 20, page: 1 } }, { enabled: q.trim().length > 0 });
  const options = (found.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName} (${u.username}) · ${u.homeNodeName}`,
  }));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder={t(M.searchAccount)}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
