import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client';
import { households, residentTags } from './people.table';

// The mechanics of the roster's bulk reads and writes (roster-match, roster-write, roster-export-rows):
// 100,000 rows at a time on PGlite, never holding the event loop for long.

const CHUNK = 5000;

/** A turn of the event loop, so that other requests are served between batches. */
export const tick = () => new Promise(setImmediate);

export const chunks = <T>(xs: T[], n = CHUNK) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Runs `fn` over the items with a turn of the event loop every 2,000, so a 100,000-row loop never holds the server. */
export async function each<T>(items: Iterable<T>, fn: (item: T) => void): Promise<void> {
  let n = 0;
  for (const item of items) {
    fn(item);
    if (++n % 2000 === 0) await tick();
  }
}

/** Adds a value to the list kept under its key. */
export function addTo<T>(lists: Map<string, T[]>, key: string, value: T): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** `column = any($1)`: one array parameter instead of thousands (much faster on PGlite). */
export const anyOf = (column: AnyPgColumn, values: string[], type: 'text' | 'uuid' = 'text') =>
  sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;

/** The rows of a `db.execute()` result (drizzle types it by driver). */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Inserts many rows as one JSON parameter (json_populate_recordset): with PGlite this is
 * about ten times faster than a statement with thousands of bind parameters. Every row has
 * the keys of the first; columns left out take their defaults.
 */
export async function insertJson<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  rows: Partial<T['$inferInsert']>[],
): Promise<void> {
  const keys = Object.keys(rows[0]) as (keyof (typeof rows)[0] & string)[];
  const columns = getTableColumns(table);
  const names = keys.map((k) => columns[k].name);
  // A plain loop: this runs for every row of a 100,000-row import.
  const json = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) record[names[i]] = row[keys[i]];
    return record;
  });
  const name = `"${getTableName(table)}"`;
  const cols = names.map((c) => `"${c}"`).join(', ');
  await tx.execute(
    sql`insert into ${sql.raw(`${name} (${cols})`)} select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(name)}, ${JSON.stringify(json)}::json)`,
  );
}

/** The tag codes of each resident (in stored order), read in chunks. */
export async function tagsOf(db: DbOrTx, residentIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks(residentIds)) {
    for (const t of await db
      .select()
      .from(residentTags)
      .where(anyOf(residentTags.residentId, part, 'uuid')))
      addTo(out, t.residentId, t.tag);
    await tick();
  }
  return out;
}

/** The head and building of each household, read in chunks. */
export async function householdsOf(
  db: DbOrTx,
  householdIds: string[],
): Promise<Map<string, { headName: string; building: string | null }>> {
  const out = new Map<string, { headName: string; building: string | null }>();
  for (const part of chunks(householdIds)) {
    for (const h of await db
      .select({ id: households.id, headName: households.headName, building: households.building })
      .from(households)
      .where(anyOf(households.id, part, 'uuid')))
      out.set(h.id, h);
    await tick();
  }
  return out;
}
