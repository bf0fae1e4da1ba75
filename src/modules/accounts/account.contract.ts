import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { ROLES } from '../../shared/roles';
import { zId, zOptPhone, zSearch, zText } from '../../shared/schemas';

export const ZLoginInput = z.object({
  login: zText(64).describe('Username or phone number'),
  password: z.string().min(1, { error: 'msg:required' }).max(LIMITS.passwordMax),
});

const zUsername = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, { error: 'msg:username' });
const zNewPassword = z
  .string()
  .min(1, { error: 'msg:required' })
  .max(LIMITS.passwordMax)
  .describe('At least 8 characters, not a common password');

export const ZScopeOut = z.object({ role: z.enum(ROLES), nodeId: z.string(), nodeName: z.string(), path: z.string() });

export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    homeNodeId: z.string(),
    homeNodeName: z.string(),
    mustChangePassword: z.boolean(),
  }),
  scopes: z.array(ZScopeOut),
  csrfToken: z.string().describe('Send back as the X-CSRF-Token header on every state-changing request'),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof ZMe>;

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, { error: 'msg:required' }).max(LIMITS.passwordMax),
  newPassword: zNewPassword,
});

export const ZRoleAssignment = z.object({ role: z.enum(ROLES), nodeId: zId });
export type RoleAssignment = z.infer<typeof ZRoleAssignment>;

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  homeNodeId: z.string(),
  homeNodeName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.object({ id: z.string(), role: z.enum(ROLES), nodeId: z.string(), nodeName: z.string() })),
  canManage: z
    .boolean()
    .describe('Whether the requesting admin may edit, disable, reset or change roles of this account'),
});
export type User = z.infer<typeof ZUser>;
export const ZUserPage = zPage(ZUser);

export const ZUserQuery = ZPageQuery.extend({
  q: zSearch(64).describe('Part of the username, name or phone'),
  nodeId: zId.optional().describe('Only users whose home node lies under this node'),
  role: z.enum(ROLES).optional(),
  disabled: z.enum(['true', 'false']).optional(),
});

/** Fields of the one user form, for both create and edit. */
export const ZUserFields = z.object({
  displayName: zText(LIMITS.personName),
  phone: zOptPhone,
  homeNodeId: zId,
});
export const ZUserCreate = ZUserFields.extend({
  username: zUsername,
  password: zNewPassword,
  roles: z.array(ZRoleAssignment).max(20).default([]),
});
export type UserCreate = z.infer<typeof ZUserCreate>;
export const ZUserUpdate = ZUserFields.extend({ disabled: z.boolean() });
export type UserUpdate = z.infer<typeof ZUserUpdate>;
export const ZResetPassword = z.object({ password: zNewPassword });

/** GET /api/setup: whether the installation still needs its first system admin. */
export const ZSetupState = z.object({
  needed: z.boolean().describe('True while no account exists: the first-run page may create the first system admin'),
  hasCounty: z.boolean().describe('Whether the tree has a county; without one the page asks for its name'),
});
export type SetupState = z.infer<typeof ZSetupState>;

/** POST /api/setup: the first system admin, with the password the operator chose. */
export const ZFirstAdmin = z.object({
  setupCode: z
    .string()
    .trim()
    .min(1, { error: 'msg:required' })
    .max(40)
    .describe('The setup code printed in the server’s start banner'),
  username: zUsername,
  displayName: zText(LIMITS.personName),
  password: zNewPassword,
  countyName: zText(LIMITS.nodeName).optional().describe('The county’s name, when the tree has none yet'),
});
export type FirstAdmin = z.infer<typeof ZFirstAdmin>;
