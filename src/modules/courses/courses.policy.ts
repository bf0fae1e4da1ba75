import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES } from '../../shared/roles';
import { COURSE_EDITOR_ROLES, COURSE_REVIEWER_ROLES, THEME_EDITOR_ROLES } from './courses.roles';

type NodeRef = { path: string };
type CourseRef = { status: string; createdBy: string | null; submittedBy: string | null };

/** Everyone working in a county reads its theme list. */
export const canReadThemes = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, ROLES, county.path) || actor.scopes.some((s) => s.path.startsWith(county.path));

/** County admins edit the theme list and the review lead days of their county. */
export const canEditThemes = (actor: Actor, county: NodeRef) => holdsRoleOver(actor, THEME_EDITOR_ROLES, county.path);

/** A town's admins set how many featured courses each of its centres may have. */
export const canSetFeaturedLimit = (actor: Actor, town: NodeRef) =>
  holdsRoleOver(actor, COURSE_REVIEWER_ROLES, town.path);

/**
 * A course is read by anyone with a role over its node; an approved course also by everyone
 * working in its town (a centre picks the town's approved courses for its activities).
 */
export const canReadCourse = (actor: Actor, course: { status: string }, node: NodeRef, reviewNode: NodeRef) =>
  holdsRoleOver(actor, ROLES, node.path) ||
  (course.status === 'approved' && actor.scopes.some((s) => s.path.startsWith(reviewNode.path)));

/** The owning node's staff edit a course while it is a draft or returned. */
export const canEditCourse = (actor: Actor, course: CourseRef, node: NodeRef) =>
  ['draft', 'returned'].includes(course.status) && holdsRoleOver(actor, COURSE_EDITOR_ROLES, node.path);

/** The owning node's staff submit a draft or a returned course. */
export const canSubmitCourse = canEditCourse;

/** The reviewing town's admins approve or return a submitted course, never one they wrote or submitted. */
export const canReviewCourse = (actor: Actor, course: CourseRef, reviewNode: NodeRef) =>
  course.status === 'submitted' &&
  holdsRoleOver(actor, COURSE_REVIEWER_ROLES, reviewNode.path) &&
  !isOwnCourse(actor, course);

export const isOwnCourse = (actor: Actor, course: CourseRef) =>
  course.createdBy === actor.userId || course.submittedBy === actor.userId;

/** The reviewing town's admins flag an approved course as a centre's featured course. */
export const canFeatureCourse = (actor: Actor, course: CourseRef, reviewNode: NodeRef) =>
  course.status === 'approved' && holdsRoleOver(actor, COURSE_REVIEWER_ROLES, reviewNode.path);
