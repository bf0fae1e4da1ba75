import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { isValidPhone, normalizePhone } from '../../shared/phone';
import { zId, zText } from '../../shared/schemas';

/** A phone number as typed: normalised, then checked. */
export const zPhone = z
  .string()
  .transform((v) => normalizePhone(v))
  .refine(isValidPhone, { error: 'msg:phone' });

export const ZResidentLogin = z.object({
  phone: zPhone.describe('The phone number the account was activated with'),
  password: z.string().min(1, { error: 'msg:required' }).max(LIMITS.passwordMax),
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
  password: z
    .string()
    .min(1, { error: 'msg:required' })
    .max(LIMITS.passwordMax)
    .describe('At least 8 characters, not a common password'),
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

export const ZResidentIdParams = z.object({ residentId: zId });

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
