import { count, type SQL, type Subquery } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { Page, PageQuery } from '../../shared/pagination';
import type { DbOrTx } from './client';

/**
 * One page of a list and the list's total. `list` is the list's select with its joins and WHERE,
 * not yet ordered (`db.select(…).from(…)….where(…).$dynamic()`); the total counts that same
 * query, so the count and the rows cannot drift apart. PostgreSQL inlines the counted subquery
 * and drops what it selects (and left joins onto a unique key): the plan is that of a plain count.
 */
export async function readPage<Q extends PgSelect>(
  db: DbOrTx,
  list: Q,
  orderBy: (SQL | PgColumn)[],
  { page, pageSize }: PageQuery,
): Promise<{ total: number; rows: Awaited<Q> }> {
  const counted = db.select({ n: count() }).from(list.as('list') as Subquery);
  const [[{ n }], rows] = await Promise.all([
    counted,
    list
      .orderBy(...orderBy)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ]);
  return { total: Number(n), rows };
}

/** readPage answered as the list's page (`zPage`): each row made an item by `item`. */
export async function pageOf<Q extends PgSelect, T>(
  db: DbOrTx,
  list: Q,
  orderBy: (SQL | PgColumn)[],
  query: PageQuery,
  item: (row: Awaited<Q>[number]) => T,
): Promise<Page<T>> {
  const { total, rows } = await readPage(db, list, orderBy, query);
  return { items: rows.map((row) => item(row)), total, page: query.page, pageSize: query.pageSize };
}
