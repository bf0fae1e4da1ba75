import { z } from 'zod';
import { defineEndpoints, resourceEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { LIMITS } from '../../shared/limits';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { ROLES } from '../../shared/roles';
import {
  ZCreated,
  ZIdParams,
  ZOk,
  zFlag,
  zId,
  zNewPassword,
  zOptPhone,
  zPassword,
  zSearch,
  zText,
} from '../../shared/schemas';
import { USER_ADMIN_ROLES } from './user.policy';

export const ZLoginInput = z.object({
  login: zText(64).describe('Username or phone number'),
  password: zPassword,
});
export type LoginInput = z.infer<typeof ZLoginInput>;

/** The username rule, one for the server and the forms: 3 to 32 letters, digits, `_`, `.` or `-`. */
export const USERNAME_PATTERN = new RegExp(`^[A-Za-z0-9_.-]{${LIMITS.usernameMin},${LIMITS.username}}$`);
export const zUsername = z.string().trim().regex(USERNAME_PATTERN, { error: 'msg:username' });

export const ZScopeOut = z.object({ role: z.enum(ROLES), nodeId: z.string(), nodeName: z.string(), path: z.string() });

/** What every answer about an account starts with (me, and the admins' user list). */
const ZAccountBase = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  homeNodeId: z.string(),
  homeNodeName: z.string(),
});

export const ZMe = z.object({
  user: ZAccountBase.extend({ mustChangePassword: z.boolean() }),
  scopes: z.array(ZScopeOut),
  csrfToken: z.string().describe('Send back as the X-CSRF-Token header on every state-changing request'),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof ZMe>;

export const ZChangePassword = z.object({
  currentPassword: zPassword,
  newPassword: zNewPassword,
});
export type ChangePassword = z.infer<typeof ZChangePassword>;

export const ZRoleAssignment = z.object({ role: z.enum(ROLES), nodeId: zId });
export type RoleAssignment = z.infer<typeof ZRoleAssignment>;

export const ZUser = ZAccountBase.extend({
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
  disabled: zFlag,
});
export type UserQuery = z.infer<typeof ZUserQuery>;

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

/** Signing in and out, who I am, my password. */
const signedIn = { authenticated: true, allowWhilePasswordDue: true } as const;

export const authApi = defineEndpoints('accounts', {
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary:
      'Sign in with username or phone and password. Wrong passwords lock the account (5 from one address, 10 from any, 15 minutes); an address with many failures is slowed down',
    policy: { public: true },
    body: ZLoginInput,
    responses: { 200: ZMe },
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out: ends this session',
    policy: signedIn,
    responses: { 200: ZOk },
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user, their roles and the CSRF token',
    policy: signedIn,
    responses: { 200: ZMe },
  },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    summary: 'Change my password',
    policy: signedIn,
    body: ZChangePassword,
    responses: { 200: ZOk },
  },
});

/** The first-run page: only while the database has no account at all. */
export const setupApi = defineEndpoints('accounts', {
  state: {
    method: 'GET',
    path: '/api/setup',
    summary: 'Whether the first system admin still has to be created (first-run page)',
    policy: { public: true },
    responses: { 200: ZSetupState },
  },
  createFirstAdmin: {
    method: 'POST',
    path: '/api/setup',
    summary: 'Create the first system admin (and the county, if none): only while no account exists',
    policy: { public: true },
    body: ZFirstAdmin,
    responses: { 201: z.object({ id: z.string(), username: z.string() }) },
  },
});

/** Accounts for every town office and centre under a node, in one action (going live). */
export const ZBulkAccounts = z.object({
  nodeId: zId.describe('A county or a town: accounts for the towns and centres under it'),
  rule: z
    .enum(['code', 'pinyin'])
    .describe('Usernames from the division code (town 9 digits, centre 12) or from the name in pinyin'),
});
export type BulkAccounts = z.infer<typeof ZBulkAccounts>;
export const ZBulkAccount = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  level: z.enum(['town', 'centre']),
  townName: z.string().describe('The town it belongs to (the handout is printed per town)'),
  role: z.enum(ROLES),
  username: z.string(),
  displayName: z.string(),
  password: z.string().describe('The one-time password, shown this once; changed at first sign-in'),
});
export type BulkAccount = z.infer<typeof ZBulkAccount>;
export const ZBulkAccountsResult = z.object({
  accounts: z.array(ZBulkAccount),
  skipped: z.number().int().describe('Towns and centres that already had their manager'),
});
export type BulkAccountsResult = z.infer<typeof ZBulkAccountsResult>;

/** Accounts and their roles, kept by the admins over their home nodes. */
const admins = { roles: USER_ADMIN_ROLES };

export const usersApi = defineEndpoints('accounts', {
  ...resourceEndpoints(
    '/api/users',
    { write: admins },
    {
      list: ['Accounts whose home node lies in my subtree', ZUserQuery, ZUserPage],
      one: ['One account with its roles', ZUser],
      create: ['Create an account (must change the password at first sign-in)', ZUserCreate],
      update: ['Edit an account; disabling it ends its sessions', ZUserUpdate, ZUser],
    },
  ),
  export: {
    method: 'GET',
    path: '/api/users/export.xlsx',
    summary: 'The account list as .xlsx with its filters (streamed); audited',
    policy: admins,
    query: ZUserQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  bulk: {
    method: 'POST',
    path: '/api/users/bulk',
    summary:
      'An account for every town office (town admin) and every centre (centre manager) under a node that has none, with one-time passwords shown once; audited',
    policy: admins,
    body: ZBulkAccounts,
    responses: { 200: ZBulkAccountsResult },
  },
  resetPassword: {
    method: 'POST',
    path: '/api/users/:id/password',
    summary: 'Set a new password for an account and sign it out',
    policy: admins,
    params: ZIdParams,
    body: ZResetPassword,
    responses: { 200: ZOk },
  },
  addRole: {
    method: 'POST',
    path: '/api/users/:id/roles',
    summary: 'Give a role on a node',
    policy: admins,
    params: ZIdParams,
    body: ZRoleAssignment,
    responses: { 201: ZCreated },
  },
  removeRole: {
    method: 'DELETE',
    path: '/api/users/:id/roles/:assignmentId',
    summary: 'Take a role away',
    policy: admins,
    params: ZIdParams.extend({ assignmentId: zId }),
    responses: { 200: ZOk },
  },
});
