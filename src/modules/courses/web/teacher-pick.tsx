import { useState } from 'react';
import { Select } from 'antd';
import { teachersApi } from '../../teachers/teachers.contract';
import { useApi } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './courses.messages';

type Props = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  initial: { id: string; name: string; bankNodeName: string }[];
  id?: string;
  max: number;
};

/** Active teachers of the banks the user may read, found by name (the server checks again). */
export function TeacherPick({ value, onChange, initial, id, max }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi(teachersApi.list, { query: { q, status: 'active', pageSize: 30, page: 1 } });
  const options = (found.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} · ${x.bankNodeName}` }));
  for (const x of initial)
    if (!options.some((o) => o.value === x.id)) options.push({ value: x.id, label: `${x.name} · ${x.bankNodeName}` });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v.slice(0, max))}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder={t(M.teachersHelp)}
      style={{ width: '100%' }}
    />
  );
}
