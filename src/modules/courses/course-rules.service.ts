import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { fieldError, forbidden } from '../../shared/app-error';
import { auditChange, diffFields } from '../../server/audit';
import { loadNodeFor } from '../../server/tree-scope';
import { courseRules } from './course-rules.table';
import {
  DEFAULT_FEATURED_PER_CENTRE,
  DEFAULT_REVIEW_LEAD_DAYS,
  type CourseRules,
  type CourseRulesUpdate,
} from './courses.contract';
// The county's theme keepers (THEME_EDITOR_ROLES) also set its review lead days; everyone who reads its themes reads its rules.
import { canEditThemes, canReadThemes } from '../themes';
import { canSetFeaturedLimit } from './courses.policy';
import type { Ctx } from '../../server/types';

/** Days before the first session by which a course of this county must be submitted. */
export async function reviewLeadDays(db: DbOrTx, countyId: string): Promise<number> {
  const [r] = await db
    .select({ v: courseRules.reviewLeadDays })
    .from(courseRules)
    .where(eq(courseRules.nodeId, countyId));
  return r?.v ?? DEFAULT_REVIEW_LEAD_DAYS;
}

/** How many featured courses each centre of this town may have. */
export async function featuredPerCentre(db: DbOrTx, townId: string | null): Promise<number> {
  if (!townId) return DEFAULT_FEATURED_PER_CENTRE;
  const [r] = await db
    .select({ v: courseRules.featuredPerCentre })
    .from(courseRules)
    .where(eq(courseRules.nodeId, townId));
  return r?.v ?? DEFAULT_FEATURED_PER_CENTRE;
}

async function loadRuleNode(db: DbOrTx, actor: Actor, nodeId: string) {
  const node = await loadNodeFor(
    db,
    nodeId,
    (n) => (n.level === 'county' || n.level === 'town') && canReadThemes(actor, n),
  );
  return node as typeof node & { level: 'county' | 'town' };
}

export async function getCourseRules({
  db,
  actor,
  nodeId,
}: {
  db: Db | DbOrTx;
  actor: Actor;
  nodeId: string;
}): Promise<CourseRules> {
  const node = await loadRuleNode(db, actor, nodeId);
  const countyId = node.path.split('/')[1];
  return {
    nodeId: node.id,
    nodeName: node.name,
    level: node.level,
    reviewLeadDays: await reviewLeadDays(db, countyId),
    featuredPerCentre: await featuredPerCentre(db, node.level === 'town' ? node.id : null),
    canEditLeadDays: node.level === 'county' && canEditThemes(actor, node),
    canEditFeatured: node.level === 'town' && canSetFeaturedLimit(actor, node),
  };
}

/** A county admin sets the review lead days; a town admin the featured courses per centre. */
export async function setCourseRules({
  db,
  actor,
  nodeId,
  input,
}: Ctx & { nodeId: string; input: CourseRulesUpdate }): Promise<CourseRules> {
  await db.transaction(async (tx) => {
    const before = await getCourseRules({ db: tx, actor, nodeId });
    if (input.reviewLeadDays !== undefined && before.level !== 'county')
      throw fieldError('reviewLeadDays', '提前提交天数由县（区）设置', 'The review lead days are set by the county');
    if (input.featuredPerCentre !== undefined && before.level !== 'town')
      throw fieldError('featuredPerCentre', '精品课堂数量由镇（街道）设置', 'The featured limit is set by the town');
    if (
      (input.reviewLeadDays !== undefined && !before.canEditLeadDays) ||
      (input.featuredPerCentre !== undefined && !before.canEditFeatured)
    )
      throw forbidden();
    const set = { ...input, updatedAt: new Date() };
    await tx
      .insert(courseRules)
      .values({ nodeId, ...set })
      .onConflictDoUpdate({ target: courseRules.nodeId, set });
    await auditChange(
      tx,
      actor,
      { id: nodeId, path: (await loadRuleNode(tx, actor, nodeId)).path },
      'course_rules.update',
      ['node', nodeId],
      { node: before.nodeName, ...diffFields(before, input) },
    );
  });
  return getCourseRules({ db, actor, nodeId });
}
