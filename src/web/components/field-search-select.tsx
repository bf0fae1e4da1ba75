import { Select } from 'antd';

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
