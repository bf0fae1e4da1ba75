import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import type { ColumnMapping, ImportSheet } from './imports.contract';
import { importMappings } from './imports.table';
import type { RosterBook } from './roster-read';

/** The county's remembered column mappings, by header set (a county keeps a handful of layouts). */
export async function rememberedMappings(db: DbOrTx, countyId: string): Promise<Map<string, ColumnMapping>> {
  const rows = await db
    .select({ key: importMappings.headerKey, mapping: importMappings.mapping })
    .from(importMappings)
    .where(eq(importMappings.countyId, countyId));
  return new Map(rows.map((r) => [r.key, r.mapping as ColumnMapping]));
}

/**
 * Keeps the chosen mapping for each header layout of the file, so the next file with the
 * same headers (in any order) is read the same way. Only the headers of that layout are kept.
 */
export async function rememberMapping(
  tx: DbOrTx,
  { actor, countyId, book, mapping }: { actor: Actor; countyId: string; book: RosterBook; mapping: ColumnMapping },
): Promise<void> {
  const byKey = new Map<string, ColumnMapping>();
  for (const s of book.sheets) {
    const own: ColumnMapping = {};
    s.normalized.forEach((h, i) => {
      if (!h) return;
      const field = Object.entries(s.columns).find(([, c]) => c === i)?.[0] ?? null;
      own[h] = (field as ColumnMapping[string]) ?? null;
    });
    if (Object.keys(mapping).some((h) => h in own)) byKey.set(s.key, own);
  }
  for (const [key, m] of byKey) {
    await tx
      .insert(importMappings)
      .values({ countyId, headerKey: key, mapping: m, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: [importMappings.countyId, importMappings.headerKey],
        set: { mapping: m, updatedBy: actor.userId, updatedAt: sql`now()` },
      });
  }
}

/** The preview's view of each sheet: which column went to which field. */
export function sheetsOf(book: RosterBook): ImportSheet[] {
  return book.sheets.map((s) => {
    const fieldAt = new Map(Object.entries(s.columns).map(([f, i]) => [i, f]));
    return {
      name: s.name,
      headerRow: s.headerRow,
      rows: book.rows.reduce((n, r) => n + (r.sheet === s.index ? 1 : 0), 0),
      source: s.source,
      columns: s.headers
        .map((header, index) => ({
          index,
          header,
          key: s.normalized[index],
          field: (fieldAt.get(index) ?? null) as ImportSheet['columns'][number]['field'],
        }))
        .filter((c) => c.header),
    };
  });
}
