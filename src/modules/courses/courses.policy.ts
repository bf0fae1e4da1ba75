import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ADMIN_ROLES, ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Who creates, edits and submits courses of a node (the owning node's staff). */
export const COURSE_EDITOR_ROLES: readonly Role[] = [...ADMIN_ROLES, 'centre_manager', 'dept_coordinator'];
/** Who reviews the courses of a town (the town school / office) and flags featured courses. */
export const COURSE_REVIEWER_ROLES: readonly Role[] = ADMIN_ROLES;

type NodeRef = { path: string };
type CourseRef = { status: string; createdBy: string | null; submittedBy: string | null };

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
