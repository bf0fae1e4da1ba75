import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { pgErrorCode } from '../../server/db/client';
import { foreignKeysOnto, sqlRows } from '../../server/db/sql';
import { recordAudit } from '../../server/audit';
import { UNATTACHED_FILE_HOURS } from './files.contract';
import { removeBlob } from './files.storage';

type Candidate = {
  id: string;
  node_id: string;
  node_path: string;
  storage_key: string;
  thumbnail_key: string | null;
  original_name: string;
  purpose: string;
};

/**
 * Removes uploaded files that nothing refers to, uploaded more than `olderThanHours` ago (an
 * upload abandoned in a form, a photo taken off an activity): the row and its audit entry in one
 * transaction, then the bytes. A file attached meanwhile is kept (the foreign key refuses the
 * delete). At most `limit` per run; returns how many were removed. Housekeeping calls it.
 */
export async function pruneUnattachedFiles(
  db: Db,
  opts: { olderThanHours?: number; limit?: number } = {},
): Promise<number> {
  const hours = opts.olderThanHours ?? UNATTACHED_FILE_HOURS;
  // What attaches a file to something: every foreign key onto stored_files, so a module that
  // adds one (course_files, activity_photos, sign_ins…) is counted without a change here.
  const cols = await foreignKeysOnto(db, 'stored_files');
  const unattached = sql.join(
    cols.map((c) => sql`not exists (select 1 from ${sql.raw(c.tbl)} x where x.${sql.identifier(c.col)} = f.id)`),
    sql` and `,
  );
  const candidates = await sqlRows<Candidate>(
    db,
    sql`
    select f.id, f.node_id, n.path as node_path, f.storage_key, f.thumbnail_key, f.original_name, f.purpose
    from stored_files f join org_nodes n on n.id = f.node_id
    where f.created_at < now() - make_interval(hours => ${hours}) ${cols.length ? sql`and ${unattached}` : sql``}
    order by f.created_at limit ${opts.limit ?? 500}`,
  );
  let removed = 0;
  for (const f of candidates) {
    try {
      const gone = await db.transaction(async (tx) => {
        const deleted = await sqlRows(
          tx,
          sql`delete from stored_files f where f.id = ${f.id} ${cols.length ? sql`and ${unattached}` : sql``} returning f.id`,
        );
        if (deleted.length === 0) return false;
        await recordAudit(tx, {
          actorName: 'system',
          node: { id: f.node_id, path: f.node_path },
          action: 'file.prune',
          entityType: 'file',
          entityId: f.id,
          summary: { name: f.original_name, purpose: f.purpose, unattachedHours: hours },
        });
        return true;
      });
      if (!gone) continue;
    } catch (err) {
      if (pgErrorCode(err) === '23503') continue; // attached while we looked
      throw err;
    }
    await removeBlob(f.storage_key);
    await removeBlob(f.thumbnail_key);
    removed++;
  }
  return removed;
}
