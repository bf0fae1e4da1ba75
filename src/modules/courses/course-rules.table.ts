import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgNodes } from '../../server/db/tree.table';

/**
 * Course rules set on a node: a county sets how many days before the first session a course
 * must be submitted (default 15); a town sets how many featured courses (精品课堂) each of its
 * centres may have (default 1). A null column means "not set here: use the default".
 */
export const courseRules = pgTable('course_rules', {
  nodeId: uuid('node_id')
    .primaryKey()
    .references(() => orgNodes.id, { onDelete: 'cascade' }),
  reviewLeadDays: integer('review_lead_days'),
  featuredPerCentre: integer('featured_per_centre'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
