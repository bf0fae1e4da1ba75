import { index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { timestampNow } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';
import { storedFiles } from '../files/files.table';
import { activities } from './activities.table';

/** What an activity leaves for inspection (留痕): the news article (通讯稿), lecture notes, a summary. */
export const activityRecords = pgTable('activity_records', {
  activityId: uuid('activity_id')
    .primaryKey()
    .references(() => activities.id, { onDelete: 'cascade' }),
  newsTitle: varchar('news_title', { length: 100 }),
  newsBody: text('news_body').notNull().default(''),
  lectureNotes: text('lecture_notes').notNull().default(''),
  summary: text('summary').notNull().default(''),
  updatedBy: userRef('updated_by'),
  updatedAt: timestampNow('updated_at'),
});

/** Photos of an activity (files stored by the files module, with thumbnails). */
export const activityPhotos = pgTable(
  'activity_photos',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    caption: varchar('caption', { length: 100 }),
    sort: integer('sort').notNull().default(0),
    addedBy: userRef('added_by'),
    addedAt: timestampNow('added_at'),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.fileId] }), index('activity_photos_file_idx').on(t.fileId)],
);
