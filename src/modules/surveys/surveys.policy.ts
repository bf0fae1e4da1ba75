import { holdsRoleOver, type Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';

// The role lists of the surveys module and its rules; imports only src/shared (the menu reads it).

/** Who publishes surveys (county and town admins, centre managers), each over their subtree. */
export const SURVEY_PUBLISH_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** Who reads surveys and their results: the publishers, and leaders and inspectors in reach. */
export const SURVEY_READER_ROLES: readonly Role[] = [...SURVEY_PUBLISH_ROLES, 'inspector', 'leader'];
/** Who sets the county's minimum sample. */
export const SURVEY_RULE_ROLES: readonly Role[] = ['system_admin', 'county_admin'];

type NodeRef = { path: string };

/**
 * A survey is read by a reader over its node, and by readers below it (a town's survey reaches
 * the residents of its centres: the centre manager enters their paper forms and reads their results).
 */
export const canReadSurvey = (actor: Actor, owner: NodeRef) =>
  holdsRoleOver(actor, SURVEY_READER_ROLES, owner.path) ||
  actor.scopes.some((s) => SURVEY_READER_ROLES.includes(s.role) && s.path.startsWith(owner.path));

/** Written (edited, published, closed) by a publisher over its node. */
export const canPublishSurvey = (actor: Actor, owner: NodeRef) =>
  holdsRoleOver(actor, SURVEY_PUBLISH_ROLES, owner.path);

/** Paper forms are entered by a publisher at or under the survey's node (for residents in their own reach). */
export const canEnterPaper = (actor: Actor, owner: NodeRef) =>
  canPublishSurvey(actor, owner) ||
  actor.scopes.some((s) => SURVEY_PUBLISH_ROLES.includes(s.role) && s.path.startsWith(owner.path));

/** The county's minimum sample: read by readers in the county, set by its county admins. */
export const canSetSurveyRules = (actor: Actor, county: NodeRef) =>
  holdsRoleOver(actor, SURVEY_RULE_ROLES, county.path);
export const canReadSurveyRules = (actor: Actor, county: NodeRef) =>
  actor.scopes.some(
    (s) => SURVEY_READER_ROLES.includes(s.role) && (s.role === 'system_admin' || s.path.startsWith(county.path)),
  );
