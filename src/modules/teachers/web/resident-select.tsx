import { useState } from 'react';
import { peopleApi, type Resident } from '../../people/people.contract';
import { useApi } from '../../../web/api/hooks';
import { SearchSelect, type SearchSelectProps } from '../../../web/components/field-search-select';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './teachers.messages';

/** Find the resident this teacher is, by name, pinyin or phone digits (the server checks the reach again). */
export function ResidentSelect(props: SearchSelectProps<Resident>) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi(peopleApi.list, { query: { q, pageSize: 20, page: 1 } }, { enabled: q.trim().length > 0 });
  return (
    <SearchSelect
      {...props}
      items={found.data?.items ?? []}
      optionLabel={(r) => [r.name, r.nodeName, r.phone].filter(Boolean).join(' · ')}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder={t(M.searchResident)}
    />
  );
}
