import { index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampNow } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';

/**
 * An uploaded file (course material, activity photo, photo of a paper sign-in sheet). The bytes
 * live outside the web root under `storage_key` (a random name); the type is what the content
 * says, not the name. Images are stored with their metadata stripped and get a thumbnail.
 * `node_id` scopes who may read it: the uploader's node for the thing it belongs to.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: idColumn(),
    nodeId: nodeRef('node_id'),
    purpose: varchar('purpose', { length: 24 }).notNull(),
    originalName: varchar('original_name', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: varchar('storage_key', { length: 80 }).notNull().unique(),
    thumbnailKey: varchar('thumbnail_key', { length: 80 }),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: userRef('uploaded_by'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [index('stored_files_node_idx').on(t.nodeId)],
);
