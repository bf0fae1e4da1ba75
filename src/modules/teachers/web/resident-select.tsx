import { useState } from 'react';
import { Select } from 'antd';
import { peopleApi, type Resident } from '../../people/people.contract';
import { useApi } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './teachers.messages';

type Props = {
  value?: string | null;
  onChange?: (id: string | null, resident?: Resident) => void;
  initial: { id: string; name: string } | null;
  id?: string;
};

/** Find the resident this teacher is, by name, pinyin or phone digits (the server checks the reach again). */
export function ResidentSelect({ value, onChange, initial, id }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi(peopleApi.list, { query: { q, pageSize: 20, page: 1 } }, { enabled: q.trim().length > 0 });
  const items = found.data?.items ?? [];
  const options = items.map((r) => ({ value: r.id, label: [r.name, r.nodeName, r.phone].filter(Boolean).join(' · ') }));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) =>
        onChange?.(
          v ?? null,
          items.find((r) => r.id === v),
        )
      }
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder={t(M.searchResident)}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
