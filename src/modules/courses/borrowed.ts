import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { readBlob } from '../files/files.storage';
import { storedFiles } from '../files/files.table';
import { orgNodes } from '../organisations/org.table';
import { teachers } from '../teachers/teachers.table';

// What courses needs from other modules' index.ts, one function each with the exact signature
// it asks for. Until those indexes publish them (files: from the people/files branch; teachers:
// the lead's), they are written here over the other modules' files — the only file of courses
// that reads them; then each becomes `export { … } from '../<module>'` and this file goes.

/** needs from files (published by files/index.ts with these names). */
export { loadReadableFiles, toStoredFile, type StoredFileRow } from '../files/files.service';
export { sendAttachment } from '../files/files.http';

/** needs from files: the named stored files, oldest first. */
export async function filesByIds(db: DbOrTx, ids: string[]): Promise<(typeof storedFiles.$inferSelect)[]> {
  if (ids.length === 0) return [];
  return db.select().from(storedFiles).where(inArray(storedFiles.id, ids)).orderBy(asc(storedFiles.createdAt));
}

/** needs from files: a file's row and bytes, or null (no policy: the caller checked it). */
export async function readStoredFile(
  db: DbOrTx,
  id: string,
): Promise<{ row: typeof storedFiles.$inferSelect; bytes: Buffer } | null> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  const bytes = row ? await readBlob(row.storageKey) : null;
  return row && bytes ? { row, bytes } : null;
}

/**
 * needs from teachers: the named teachers (any status) in name order, with their bank's name
 * and the path of their bank's node (the activities branch asks the same without bankNodeName).
 */
export async function teacherRefs(
  db: DbOrTx,
  ids: string[],
): Promise<{ id: string; name: string; status: string; bankNodeName: string; bankPath: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: teachers.id,
      name: teachers.name,
      status: teachers.status,
      bankNodeName: orgNodes.name,
      bankPath: orgNodes.path,
    })
    .from(teachers)
    .innerJoin(orgNodes, eq(orgNodes.id, teachers.bankNodeId))
    .where(inArray(teachers.id, ids))
    .orderBy(asc(teachers.name), asc(teachers.id));
}
