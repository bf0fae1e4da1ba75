import type { ReactNode } from 'react';
import { Card, Table, type TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../shared/pagination';
import { useI18n, type Msg } from '../i18n/i18n';
import { ErrorState } from './error-state';

type Paging = { page: number; pageSize: number; set: (patch: { page: number; pageSize: number }) => void };

type Props<T> = {
  /** The list query: a server page of rows. */
  list: UseQueryResult<Page<T>>;
  /** Page and page size, kept in the URL (useUrlQuery). */
  url: Paging;
  /** How the rows are counted under the table, a message with `{n}` (without it, the bare number). */
  total?: Msg;
  /** What an empty list says instead of the table's default. */
  empty?: Msg;
  /** Clicking a row opens it (usually its detail drawer). */
  onOpen?: (row: T) => void;
  pageSizes?: number[];
  /** What names a row (default: its `id`). */
  rowKey?: keyof T & string;
  /** A title bar on the card (e.g. the list's own filter). */
  title?: ReactNode;
} & Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading' | 'rowKey' | 'onRow' | 'title'>;

/** Every list screen's table: a card, server-side pages in the URL, an error state with retry. */
export function PageTable<T extends object>({
  list,
  url,
  total,
  empty,
  onOpen,
  pageSizes = [10, 20, 50, 100],
  rowKey = 'id' as keyof T & string,
  title,
  ...table
}: Props<T>) {
  const { t } = useI18n();
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card styles={{ body: { padding: 0 } }} title={title}>
      <Table<T>
        rowKey={rowKey}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={onOpen ? (row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } }) : undefined}
        pagination={{
          current: url.page,
          pageSize: url.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: pageSizes,
          showTotal: (n) => (total ? t(total, { n }) : `${n}`),
          onChange: (page, pageSize) => url.set({ page, pageSize }),
          style: { paddingInline: 16 },
        }}
        locale={empty && { emptyText: t(empty) }}
        {...table}
      />
    </Card>
  );
}

/**
 * A short list's table, every row at once (no pages), scrolling sideways on a narrow screen;
 * `empty`: what an empty list says instead of the table's default.
 */
export function WholeTable<T extends object>({
  rows,
  empty,
  ...table
}: { rows: readonly T[]; empty?: ReactNode } & Omit<TableProps<T>, 'dataSource' | 'pagination'>) {
  return (
    <Table<T>
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={empty === undefined ? undefined : { emptyText: empty }}
      {...table}
    />
  );
}
