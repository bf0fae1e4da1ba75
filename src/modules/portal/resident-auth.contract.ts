import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { RESIDENT_ACCOUNT_ROLES } from './portal.policy';
import { defineEndpoints } from '../../shared/endpoint';
import { ZOk, ZResidentIdParams, zNewPassword, zPassword, zPhone, zText } from '../../shared/schemas';

export const ZResidentLogin = z.object({
  phone: zPhone.describe('The phone number the account was activated with'),
  password: zPassword,
  remember: z.boolean().default(false).describe('Keep this phone signed in for 30 days'),
});

export const ZResidentActivate = z.object({
  phone: zPhone,
  name: zText(LIMITS.personName).describe('The name on the roster'),
  code: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { error: 'msg:required' })
    .describe('The 8-digit code given by the centre'),
  password: zNewPassword,
});

/** The signed-in resident, for the phone pages. */
export const ZResidentMe = z.object({
  resident: z.object({
    id: z.string(),
    name: z.string(),
    nodeId: z.string(),
    nodeName: z.string(),
    countyId: z.string(),
  }),
  csrfToken: z.string().describe('Send back as X-CSRF-Token on every state-changing resident request'),
});
export type ResidentMe = z.infer<typeof ZResidentMe>;

/** What staff see about a resident's account, and the one-time code when they issue one. */
export const ZResidentAccountState = z.object({
  exists: z.boolean(),
  activated: z.boolean(),
  activationExpiresAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  phone: z.string().nullable().describe('Masked'),
});
export type ResidentAccountState = z.infer<typeof ZResidentAccountState>;

export const ZActivationIssued = z.object({
  code: z.string().describe('8 digits; shown once, only its digest is kept'),
  expiresAt: z.string(),
});
export type ActivationIssued = z.infer<typeof ZActivationIssued>;

/** How long an activation code is valid. */
export const ACTIVATION_DAYS = 7;

/** Contract 4: residents' own accounts and sessions (separate from staff sessions); staff issue activation codes. */
export const residentAuthApi = defineEndpoints('portal', {
  login: {
    method: 'POST',
    path: '/api/resident/login',
    summary: 'A resident signs in with phone and password (five wrong answers lock the account for 15 minutes)',
    policy: { public: true },
    body: ZResidentLogin,
    responses: { 200: ZResidentMe },
  },
  activate: {
    method: 'POST',
    path: '/api/resident/activate',
    summary: 'Set the password with phone, name and the centre’s one-time code; signs in',
    policy: { public: true },
    body: ZResidentActivate,
    responses: { 200: ZResidentMe },
  },
  me: {
    method: 'GET',
    path: '/api/resident/me',
    summary: 'The signed-in resident and the CSRF token',
    policy: { resident: true },
    responses: { 200: ZResidentMe },
  },
  logout: {
    method: 'POST',
    path: '/api/resident/logout',
    summary: 'Sign the resident out on this phone',
    policy: { resident: true },
    responses: { 200: ZOk },
  },
  account: {
    method: 'GET',
    path: '/api/resident-accounts/:residentId',
    summary: 'Whether a resident has a phone account (staff over the resident)',
    policy: { roles: RESIDENT_ACCOUNT_ROLES },
    params: ZResidentIdParams,
    responses: { 200: ZResidentAccountState },
  },
  issueActivation: {
    method: 'POST',
    path: '/api/resident-accounts/:residentId/activation',
    summary: 'Issue a one-time activation code (7 days) for the resident’s phone account',
    policy: { roles: RESIDENT_ACCOUNT_ROLES },
    params: ZResidentIdParams,
    responses: { 200: ZActivationIssued },
  },
});
