import { Tag } from 'antd';
import type { TagDef } from '../people.contract';
import { useCountyTags } from './people.queries';

const PALETTE = ['orange', 'green', 'magenta', 'red', 'blue', 'purple', 'cyan', 'gold', 'volcano', 'geekblue', 'lime'];

/** A tag's colour: fixed by its place in the county's list, so a group looks the same everywhere. */
export function tagColor(defs: TagDef[] | undefined, code: string): string {
  const i = defs?.findIndex((d) => d.code === code) ?? -1;
  return i < 0 ? 'default' : PALETTE[i % PALETTE.length];
}

/** A resident's special-group tags as coloured tags with the county's labels. */
export function ResidentTags({ codes }: { codes: string[] }) {
  const tags = useCountyTags();
  if (codes.length === 0) return <>—</>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {codes.map((c) => (
        <Tag key={c} color={tagColor(tags.data?.tags, c)} style={{ marginInlineEnd: 0 }}>
          {tags.data?.tags.find((d) => d.code === c)?.label ?? c}
        </Tag>
      ))}
    </span>
  );
}
