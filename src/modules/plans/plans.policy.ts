import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ROLES } from '../../shared/roles';
import { PLAN_KEEPER_ROLES, SCHEDULE_KEEPER_ROLES } from './plans.roles';

type NodeRef = { path: string };

/** A centre's plan is read by anyone with a role over the centre. */
export const canReadPlan = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, ROLES, centre.path);
export const canKeepPlan = (actor: Actor, centre: NodeRef) => holdsRoleOver(actor, PLAN_KEEPER_ROLES, centre.path);

/** A town's 配档表 is read over the town, and by everyone working under it (centres follow it). */
export const canReadSchedule = (actor: Actor, town: NodeRef) =>
  holdsRoleOver(actor, ROLES, town.path) || actor.scopes.some((s) => s.path.startsWith(town.path));
export const canKeepSchedule = (actor: Actor, town: NodeRef) => holdsRoleOver(actor, SCHEDULE_KEEPER_ROLES, town.path);
