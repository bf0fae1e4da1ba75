import type { ReactNode } from 'react';
import { Drawer } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { ErrorState } from './error-state';
import { PageLoading } from './page-loading';
import { useDrawerWidth } from './use-drawer-width';

/**
 * The three states of a read: loading, failed (with a retry, except for "not found", which no
 * retry can mend), or its data.
 */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <PageLoading />;
  if (query.error)
    return (
      <ErrorState
        error={query.error}
        onRetry={isApiError(query.error) && query.error.code === 'NOT_FOUND' ? undefined : () => void query.refetch()}
      />
    );
  return <>{children(query.data as T)}</>;
}

/** A detail drawer over one read: its title once loaded, and the read's three states inside. */
export function DetailDrawer<T>({
  query,
  title,
  width = 620,
  onClose,
  children,
}: {
  query: UseQueryResult<T>;
  /** The title from the data, or the fallback while it loads. */
  title: (data: T | undefined) => ReactNode;
  width?: number;
  onClose: () => void;
  children: (data: T) => ReactNode;
}) {
  const size = useDrawerWidth(width);
  return (
    <Drawer open size={size} title={title(query.data)} onClose={onClose} destroyOnHidden>
      <QueryView query={query}>{children}</QueryView>
    </Drawer>
  );
}
