import { useState } from 'react';
import { Select } from 'antd';
import type { Endpoint, EndpointInput, EndpointOutput } from '../../shared/endpoint';
import { useApi } from '../api/hooks';
import { useI18n, type Msg } from '../i18n/i18n';

/** What a search select is given as a form control, and the one it starts with (its name is known). */
export type SearchSelectProps<T> = {
  value?: string | null;
  onChange?: (id: string | null, item?: T) => void;
  initial: { id: string; name: string } | null;
  id?: string;
};

/**
 * A select that finds its options on the server as the user types (`onSearch` sets the query
 * of a list read), and still names the value it started with when the answer does not hold it.
 */
export function SearchSelect<T extends { id: string }>({
  value,
  onChange,
  initial,
  id,
  items,
  optionLabel,
  onSearch,
  loading,
  placeholder,
}: SearchSelectProps<T> & {
  /** The read's answer for the query (none before the user types). */
  items: T[];
  optionLabel: (item: T) => string;
  onSearch: (q: string) => void;
  loading: boolean;
  placeholder: string;
}) {
  const options = items.map((x) => ({ value: x.id, label: optionLabel(x) }));
  if (initial && value === initial.id && !options.some((o) => o.value === initial.id))
    options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) =>
        onChange?.(
          v ?? null,
          items.find((x) => x.id === v),
        )
      }
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      placeholder={placeholder}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}

/** A row of a paged list read's answer. */
type ListRow<E> = EndpointOutput<E> extends { items: (infer T extends { id: string })[] } ? T : never;

/**
 * A SearchSelect over a paged list read (`usersApi.list`): as the user types, the first 20 rows
 * whose `q` matches (nothing is read before the user types).
 */
export function ListSearchSelect<E extends Endpoint>({
  list,
  optionLabel,
  placeholder,
  ...props
}: SearchSelectProps<ListRow<E>> & { list: E; optionLabel: (item: ListRow<E>) => string; placeholder: Msg }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const input = { query: { q, pageSize: 20, page: 1 } } as EndpointInput<E>;
  const found = useApi(list, input, { enabled: q.trim().length > 0 });
  const page = found.data as { items: ListRow<E>[] } | undefined;
  return (
    <SearchSelect<ListRow<E>>
      {...props}
      items={page?.items ?? []}
      optionLabel={optionLabel}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder={t(placeholder)}
    />
  );
}
