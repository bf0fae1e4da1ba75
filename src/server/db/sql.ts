import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';

/** The rows of a plain SQL statement (drizzle types `execute()` by driver; both drivers answer `{ rows }`). */
export async function sqlRows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

/**
 * Every column that points at `table` by a foreign key, read from the catalogue, so a table
 * another module adds later is found without a change at the caller. `tbl` is the table as
 * Postgres prints it (quoted where it must be: use it with `sql.raw`), `col` the bare column
 * name (use it with `sql.identifier`). The keys point at single-column primary keys, so one
 * row is one key. `cascade`: the referencing rows are deleted with the row (ON DELETE CASCADE).
 */
export async function foreignKeysOnto(
  db: DbOrTx,
  table: string,
): Promise<{ tbl: string; col: string; cascade: boolean }[]> {
  return sqlRows<{ tbl: string; col: string; cascade: boolean }>(
    db,
    sql`
    select c.conrelid::regclass::text as tbl, a.attname as col, c.confdeltype = 'c' as cascade
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and c.confrelid = ${table}::regclass
    order by 1, 2`,
  );
}
