import { useEffect, useState } from 'react';
import { Input } from 'antd';

/**
 * A list's search box bound to the `q` in the URL: searching sets it, clearing removes it,
 * and back/forward (or a filter reset) puts the box in step with the URL again.
 */
export function ListSearch({
  value,
  onChange,
  placeholder,
}: {
  value: string | undefined;
  onChange: (q: string | null) => void;
  placeholder: string;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value) onChange(null);
      }}
      onSearch={(v) => onChange(v.trim() || null)}
    />
  );
}
