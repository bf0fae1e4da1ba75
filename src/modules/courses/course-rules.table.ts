import { integer, pgTable } from 'drizzle-orm/pg-core';
import { nodeKey, timestampNow } from '../../server/db/columns';

/**
 * Course rules set on a node: a county sets how many days before the first session a course
 * must be submitted (default 15); a town sets how many featured courses (精品课堂) each of its
 * centres may have (default 1). A null column means "not set here: use the default".
 */
export const courseRules = pgTable('course_rules', {
  nodeId: nodeKey('node_id'),
  reviewLeadDays: integer('review_lead_days'),
  featuredPerCentre: integer('featured_per_centre'),
  updatedAt: timestampNow('updated_at'),
});
