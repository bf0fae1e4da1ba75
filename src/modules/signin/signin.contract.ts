import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { RESIDENT_ROLES, type Role } from '../../shared/roles';
import { zCleanText, zId, zText } from '../../shared/schemas';
import { zPhone } from './resident-auth.contract';

/** Who runs sign-in at a centre: the keepers of its residents (they match people to the roster). */
export const SIGNIN_STAFF_ROLES: readonly Role[] = RESIDENT_ROLES;
/** Who reads an activity's attendance: the staff above, and inspectors and leaders over it. */
export const ATTENDANCE_READER_ROLES: readonly Role[] = [...RESIDENT_ROLES, 'inspector', 'leader'];

export const SIGN_IN_STATUSES = ['confirmed', 'pending', 'rejected'] as const;
export type SignInStatus = (typeof SIGN_IN_STATUSES)[number];
export const SIGN_IN_METHODS = ['qr', 'manual', 'paper'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const ZActivityParams = z.object({ activityId: zId });
export const ZSignInParams = z.object({ signInId: zId });
export const ZTokenParams = z.object({ token: z.string().min(1).max(120) });

/** What the sign-in screens show of an activity. */
export const ZActivityBrief = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  centreId: z.string(),
  centreName: z.string(),
  status: z.string(),
  hours: z.number(),
});
export type ActivityBrief = z.infer<typeof ZActivityBrief>;

/** The resident's sign-in page: the activity, who this phone is known as, and whether they are in. */
export const ZScanInfo = z.object({
  activity: ZActivityBrief,
  known: z.object({ name: z.string().describe('The name, partly hidden'), via: z.enum(['session', 'device']) }).nullable(),
  signedIn: z.object({ status: z.enum(SIGN_IN_STATUSES), signedAt: z.string() }).nullable(),
  csrfToken: z.string().nullable().describe('The resident session’s CSRF token, when signed in'),
});
export type ScanInfo = z.infer<typeof ZScanInfo>;

export const ZScanInput = z.object({
  known: z.boolean().default(false).describe('Sign in as the resident this phone is known as (session or remembered device)'),
  phone: zPhone.optional(),
  name: zText(LIMITS.personName).optional(),
  remember: z.boolean().default(false).describe('Remember this phone for one-tap sign-in next time'),
});
export type ScanInput = z.input<typeof ZScanInput>;

export const ZScanResult = z.object({
  status: z.enum(SIGN_IN_STATUSES),
  name: z.string().describe('The name, partly hidden'),
  signedAt: z.string(),
  repeated: z.boolean().describe('Already signed in before this request'),
  reason: z.enum(['unknown', 'device']).nullable().describe('Why it waits for staff: not on the roster, or this phone already signed someone else in'),
});
export type ScanResult = z.infer<typeof ZScanResult>;

/** The on-screen QR code of the current window. */
export const ZQrOut = z.object({
  activity: ZActivityBrief,
  url: z.string(),
  svg: z.string(),
  expiresAt: z.string(),
  nextAt: z.string().describe('When to fetch the next code'),
  counts: z.object({ confirmed: z.number().int(), pending: z.number().int() }),
});
export type QrOut = z.infer<typeof ZQrOut>;

/** The printable A4 sign-in sheet (签到表). */
export const ZSheetOut = z.object({
  activity: ZActivityBrief,
  url: z.string(),
  svg: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  registrants: z.array(z.object({ name: z.string(), phone: z.string().nullable().describe('Masked'), status: z.string(), signedIn: z.boolean() })),
});
export type SheetOut = z.infer<typeof ZSheetOut>;

export const ZAttendanceQuery = ZPageQuery.extend({ status: z.enum(SIGN_IN_STATUSES).optional() });

export const ZAttendanceItem = z.object({
  id: z.string(),
  residentId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable().describe('Masked'),
  status: z.enum(SIGN_IN_STATUSES),
  method: z.enum(SIGN_IN_METHODS),
  signedAt: z.string(),
  checkedOutAt: z.string().nullable(),
  attendedHours: z.number().nullable(),
  sharedDevice: z.boolean().describe('Pending because the phone had already signed someone else in'),
  evidenceFileId: z.string().nullable(),
});
export type AttendanceItem = z.infer<typeof ZAttendanceItem>;
export const ZAttendancePage = zPage(ZAttendanceItem).extend({
  activity: ZActivityBrief,
  counts: z.object({ confirmed: z.number().int(), pending: z.number().int(), rejected: z.number().int(), registered: z.number().int() }),
  canRun: z.boolean(),
});
export type AttendancePage = z.infer<typeof ZAttendancePage>;

export const ZManualInput = z.object({ residentId: zId });
export const ZPaperInput = z.object({
  residentIds: z.array(zId).min(1, { error: 'msg:required' }).max(500),
  evidenceFileId: zId.describe('The photo of the paper sheet (POST /api/files)'),
});
export const ZPaperResult = z.object({ added: z.number().int(), already: z.number().int() });
export const ZConfirmInput = z.object({ residentId: zId.optional().describe('For an unknown person: the roster entry they are') });
export const ZRejectInput = z.object({ reason: zCleanText({ multiline: true }).max(200).optional() });
export const ZCheckoutInput = z.object({ attendedHours: z.number().min(0).max(24).optional().describe('Default: from the sign-in to now, at most the activity’s hours') });
export const ZSignInSaved = z.object({ id: z.string(), status: z.enum(SIGN_IN_STATUSES), credits: z.number().describe('Credits paid or taken back by this change') });

/** Roster search for signing someone in by hand. */
export const ZRosterQuery = z.object({ q: zText(40) });
export const ZRosterHit = z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), nodeName: z.string(), signedIn: z.boolean() });
export const ZRosterHits = z.object({ items: z.array(ZRosterHit) });
export type RosterHit = z.infer<typeof ZRosterHit>;

/** The sign-in desk's list of activities. */
export const ZSignInActivityQuery = ZPageQuery.extend({ when: z.enum(['today', 'upcoming', 'past']).default('today') });
export type SignInActivityQuery = z.infer<typeof ZSignInActivityQuery>;
export const ZSignInActivityItem = ZActivityBrief.extend({ confirmed: z.number().int(), pending: z.number().int(), canRun: z.boolean() });
export type SignInActivityItem = z.infer<typeof ZSignInActivityItem>;
export const ZSignInActivityPage = zPage(ZSignInActivityItem);
