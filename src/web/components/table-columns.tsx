import type { CSSProperties, ReactNode } from 'react';
import { Button } from 'antd';
import type { ColumnType } from 'antd/es/table';

/** A long name breaks onto more lines instead of widening the column. */
const WRAP: CSSProperties = { whiteSpace: 'normal', textAlign: 'start' };

/**
 * A row's name as a link that opens it. A click on the row opens it anyway (PageTable's
 * `onOpen`); the link is the keyboard's way in, and it keeps its click from the row.
 */
export function OpenLink({
  onOpen,
  wrap,
  style,
  children,
}: {
  onOpen: () => void;
  wrap?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Button
      type="link"
      style={{ padding: 0, height: 'auto', ...(wrap ? WRAP : undefined), ...style }}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {children}
    </Button>
  );
}

/** A list's name column: the name as an OpenLink (`wrap`: a long name breaks onto more lines). */
export function openColumn<T>(
  title: ReactNode,
  dataIndex: keyof T & string,
  onOpen: (row: T) => void,
  { wrap }: { wrap?: boolean } = {},
): ColumnType<T> {
  return {
    title,
    dataIndex,
    render: (v: ReactNode, row: T) => (
      <OpenLink onOpen={() => onOpen(row)} wrap={wrap}>
        {v}
      </OpenLink>
    ),
  };
}

/** A value that may be missing, as a table cell or a description shows it: the value, or a dash. */
export const orDash = (v: ReactNode) => v ?? '—';
