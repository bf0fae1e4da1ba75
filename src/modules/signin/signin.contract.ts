import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { ZPageQuery, zList, zPage } from '../../shared/pagination';
import { defineEndpoints, rulesEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { ROLES } from '../../shared/roles';
import {
  ZActivityIdParams,
  ZCountyParams,
  ZResidentIdParams,
  zCleanText,
  zId,
  zPhone,
  zText,
} from '../../shared/schemas';
import { ZLearningRecord } from '../credits/credits.contract';
import { CREDIT_STAFF_ROLES } from '../credits/credits.policy';
import { ATTENDANCE_READER_ROLES, SIGNIN_RULE_EDITOR_ROLES, SIGNIN_STAFF_ROLES } from './signin.policy';

/** Old place of the role list (activities' detail drawer still imports it here): use signin.policy. */
export { ATTENDANCE_READER_ROLES };

export const SIGN_IN_STATUSES = ['confirmed', 'pending', 'rejected'] as const;
export type SignInStatus = (typeof SIGN_IN_STATUSES)[number];
export const SIGN_IN_METHODS = ['qr', 'manual', 'paper'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

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

/** A county's sign-in window around each activity (staff entry is not bound by it). */
export const SIGN_IN_WINDOW = { opensBeforeDefault: 30, closesAfterDefault: 30, maxMinutes: 720 } as const;
/** How long a valid scan lets the person type phone and name (the grace ticket's life). */
export const SCAN_GRACE_SECONDS = 300;

export const ZSignInWindow = z.object({
  opensAt: z.string().describe('The first moment a resident may sign in'),
  closesAt: z.string().describe('The last moment'),
  state: z.enum(['early', 'open', 'late']),
});
export type SignInWindow = z.infer<typeof ZSignInWindow>;

/** Why the phone page cannot sign in (also the `x-sign-in-refusal` header of a 409). */
export const SCAN_REFUSALS = ['expired', 'early', 'late', 'cancelled', 'over'] as const;
export type ScanRefusal = (typeof SCAN_REFUSALS)[number];

export const ZSignInRules = z.object({
  countyId: z.string(),
  countyName: z.string(),
  opensBeforeMinutes: z.number().int(),
  closesAfterMinutes: z.number().int(),
  isDefault: z.boolean(),
  canEdit: z.boolean(),
});
export type SignInRules = z.infer<typeof ZSignInRules>;
export const ZSignInRulesUpdate = z.object({
  opensBeforeMinutes: z
    .number()
    .int()
    .min(0)
    .max(SIGN_IN_WINDOW.maxMinutes)
    .describe('Minutes before the start when sign-in opens'),
  closesAfterMinutes: z
    .number()
    .int()
    .min(0)
    .max(SIGN_IN_WINDOW.maxMinutes)
    .describe('Minutes after the end when sign-in closes'),
});
export type SignInRulesUpdate = z.infer<typeof ZSignInRulesUpdate>;

/** The resident's sign-in page: the activity, who this phone is known as, and whether they are in. */
export const ZScanInfo = z.object({
  activity: ZActivityBrief,
  window: ZSignInWindow,
  ticket: z
    .string()
    .nullable()
    .describe('Send back with the sign-in: valid five minutes from the scan, for this phone; null outside the window'),
  ticketExpiresAt: z.string().nullable(),
  known: z
    .object({ name: z.string().describe('The name, partly hidden'), via: z.enum(['session', 'device']) })
    .nullable(),
  signedIn: z.object({ status: z.enum(SIGN_IN_STATUSES), signedAt: z.string() }).nullable(),
  csrfToken: z.string().nullable().describe('The resident session’s CSRF token, when signed in'),
});
export type ScanInfo = z.infer<typeof ZScanInfo>;

export const ZScanInput = z.object({
  known: z
    .boolean()
    .default(false)
    .describe('Sign in as the resident this phone is known as (session or remembered device)'),
  phone: zPhone.optional(),
  name: zText(LIMITS.personName).optional(),
  remember: z.boolean().default(false).describe('Remember this phone for one-tap sign-in next time'),
  ticket: z
    .string()
    .max(200)
    .optional()
    .describe('The grace ticket of GET /api/sign-in/scan/:token: the scan stays valid five minutes'),
});
export type ScanInput = z.input<typeof ZScanInput>;

export const ZScanResult = z.object({
  status: z.enum(SIGN_IN_STATUSES),
  name: z.string().describe('The name, partly hidden'),
  signedAt: z.string(),
  repeated: z.boolean().describe('Already signed in before this request'),
  reason: z
    .enum(['unknown', 'device', 'source', 'ambiguous'])
    .nullable()
    .describe(
      'Why it waits for staff: not on the roster; this phone, or this network and browser without a remembered phone, already signed someone else in; several people of that name and phone',
    ),
});
export type ScanResult = z.infer<typeof ZScanResult>;

/** The on-screen QR code of the current window. */
export const ZQrOut = z.object({
  activity: ZActivityBrief,
  window: ZSignInWindow,
  url: z.string().nullable().describe('Null outside the sign-in window: no code is cut'),
  svg: z.string().nullable(),
  expiresAt: z.string().nullable(),
  nextAt: z.string().describe('When to fetch the next code (or when the window opens)'),
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
  registrants: z.array(
    z.object({
      name: z.string(),
      phone: z.string().nullable().describe('Masked'),
      status: z.string(),
      signedIn: z.boolean(),
    }),
  ),
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
  sharedDevice: z
    .boolean()
    .describe(
      'Pending because the phone (or, without a remembered phone, its network and browser) had already signed someone else in',
    ),
  pendingReason: z
    .enum(['unknown', 'ambiguous', 'device', 'source'])
    .nullable()
    .describe('Why a pending sign-in waits for staff'),
  evidenceFileId: z.string().nullable(),
});
export type AttendanceItem = z.infer<typeof ZAttendanceItem>;
export const ZAttendancePage = zPage(ZAttendanceItem).extend({
  activity: ZActivityBrief,
  counts: z.object({
    confirmed: z.number().int(),
    pending: z.number().int(),
    rejected: z.number().int(),
    registered: z.number().int(),
  }),
  canRun: z.boolean(),
});
export type AttendancePage = z.infer<typeof ZAttendancePage>;

export const ZManualInput = z.object({ residentId: zId });
export const ZPaperInput = z.object({
  residentIds: z.array(zId).min(1, { error: 'msg:required' }).max(500),
  evidenceFileId: zId.describe('The photo of the paper sheet (POST /api/files)'),
});
export const ZPaperResult = z.object({ added: z.number().int(), already: z.number().int() });
export const ZConfirmInput = z.object({
  residentId: zId.optional().describe('For an unknown person: the roster entry they are'),
});
export const ZRejectInput = z.object({ reason: zCleanText({ multiline: true }).max(200).optional() });
export const ZCheckoutInput = z.object({
  attendedHours: z
    .number()
    .min(0)
    .max(24)
    .optional()
    .describe('Default: from the sign-in to now, at most the activity’s hours'),
});
export const ZSignInSaved = z.object({
  id: z.string(),
  status: z.enum(SIGN_IN_STATUSES),
  credits: z.number().describe('Credits paid or taken back by this change'),
});

/** Roster search for signing someone in by hand. */
export const ZRosterQuery = z.object({ q: zText(40) });
export const ZRosterHit = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  nodeName: z.string(),
  signedIn: z.boolean(),
});
export const ZRosterHits = zList(ZRosterHit);
export type RosterHit = z.infer<typeof ZRosterHit>;

/** The sign-in desk's list of activities. */
export const ZSignInActivityQuery = ZPageQuery.extend({ when: z.enum(['today', 'upcoming', 'past']).default('today') });
export type SignInActivityQuery = z.infer<typeof ZSignInActivityQuery>;
export const ZSignInActivityItem = ZActivityBrief.extend({
  confirmed: z.number().int(),
  pending: z.number().int(),
  canRun: z.boolean(),
});
export type SignInActivityItem = z.infer<typeof ZSignInActivityItem>;
export const ZSignInActivityPage = zPage(ZSignInActivityItem);

/** One of my sign-ins: my learning record, activity by activity. */
export const ZMySignIn = z.object({
  id: z.string(),
  activityId: z.string(),
  title: z.string(),
  theme: z.string(),
  startsAt: z.string(),
  centreName: z.string(),
  status: z.enum(SIGN_IN_STATUSES),
  signedAt: z.string(),
  hours: z.number().describe('Attended hours if checked out, else the activity’s hours'),
});
export type MySignIn = z.infer<typeof ZMySignIn>;
export const ZMySignInPage = zPage(ZMySignIn).extend({
  totals: z.object({ activities: z.number().int(), hours: z.number() }),
});
export type MySignInPage = z.infer<typeof ZMySignInPage>;
export const ZMySignInQuery = ZPageQuery;

const staff = { roles: SIGNIN_STAFF_ROLES };
const readers = { roles: ATTENDANCE_READER_ROLES };
/** The phone's scan pages: public, and the guard says who the phone's resident session is, if any. */
const phone = { public: true, knowsResident: true } as const;

export const signInApi = defineEndpoints('sign-in', {
  scanInfo: {
    method: 'GET',
    path: '/api/sign-in/scan/:token',
    summary:
      'What a scanned QR code is for, its sign-in window, who this phone is known as, and a five-minute grace ticket inside the window',
    policy: phone,
    params: ZTokenParams,
    responses: { 200: ZScanInfo },
  },
  scan: {
    method: 'POST',
    path: '/api/sign-in/scan/:token',
    summary:
      'Sign in from a phone: one tap when known, else phone + name against the roster; unknown or a second person on one phone waits for staff',
    policy: phone,
    params: ZTokenParams,
    body: ZScanInput,
    responses: { 200: ZScanResult },
  },
  scanCheckOut: {
    method: 'POST',
    path: '/api/sign-in/scan/:token/check-out',
    summary:
      'Check out from a known phone: attended hours from sign-in to now (the scan’s grace ticket in X-Sign-In-Ticket)',
    policy: phone,
    params: ZTokenParams,
    responses: { 200: z.object({ attendedHours: z.number() }) },
  },
  // Every role reads its own county's window (the service hides other counties).
  ...rulesEndpoints(
    '/api/sign-in/rules/:countyId',
    ZCountyParams,
    { read: { roles: ROLES }, write: { roles: SIGNIN_RULE_EDITOR_ROLES } },
    [
      'The county’s sign-in window: minutes before the start and after the end when residents may sign in',
      ZSignInRules,
    ],
    ['Set the county’s sign-in window (county admins; audited)', ZSignInRulesUpdate, ZSignInRules],
  ),
  activities: {
    method: 'GET',
    path: '/api/sign-in/activities',
    summary: 'Activities of my subtree for the sign-in desk: today, coming or past, with counts',
    policy: readers,
    query: ZSignInActivityQuery,
    responses: { 200: ZSignInActivityPage },
  },
  qr: {
    method: 'GET',
    path: '/api/sign-in/activities/:activityId/qr',
    summary: 'The on-screen QR code of the current 30-second window',
    policy: staff,
    params: ZActivityIdParams,
    responses: { 200: ZQrOut },
  },
  sheet: {
    method: 'GET',
    path: '/api/sign-in/activities/:activityId/sheet',
    summary: 'The printable sign-in sheet: registrants and a QR code valid during the activity',
    policy: staff,
    params: ZActivityIdParams,
    responses: { 200: ZSheetOut },
  },
  attendance: {
    method: 'GET',
    path: '/api/sign-in/activities/:activityId/attendance',
    summary: 'The attendance list: pending first, then confirmed, then rejected',
    policy: readers,
    params: ZActivityIdParams,
    query: ZAttendanceQuery,
    responses: { 200: ZAttendancePage },
  },
  attendanceExport: {
    method: 'GET',
    path: '/api/sign-in/activities/:activityId/attendance.xlsx',
    summary: 'The attendance list as .xlsx (streamed; phones masked as in the list); audited',
    policy: readers,
    params: ZActivityIdParams,
    query: ZAttendanceQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  roster: {
    method: 'GET',
    path: '/api/sign-in/activities/:activityId/roster',
    summary: 'Find a resident to sign in by hand (name, initials or phone digits; phones masked)',
    policy: staff,
    params: ZActivityIdParams,
    query: ZRosterQuery,
    responses: { 200: ZRosterHits },
  },
  manual: {
    method: 'POST',
    path: '/api/sign-in/activities/:activityId/manual',
    summary: 'Sign a resident in by hand',
    policy: staff,
    params: ZActivityIdParams,
    body: ZManualInput,
    responses: { 200: ZSignInSaved },
  },
  paper: {
    method: 'POST',
    path: '/api/sign-in/activities/:activityId/paper',
    summary: 'Enter a paper sheet afterwards, with its photo as evidence',
    policy: staff,
    params: ZActivityIdParams,
    body: ZPaperInput,
    responses: { 200: ZPaperResult },
  },
  confirm: {
    method: 'POST',
    path: '/api/sign-in/:signInId/confirm',
    summary: 'Confirm a pending sign-in (an unknown person: with their roster entry); pays the credit',
    policy: staff,
    params: ZSignInParams,
    body: ZConfirmInput,
    responses: { 200: ZSignInSaved },
  },
  reject: {
    method: 'POST',
    path: '/api/sign-in/:signInId/reject',
    summary: 'Reject a pending sign-in or remove a wrong one; its credit is reversed',
    policy: staff,
    params: ZSignInParams,
    body: ZRejectInput,
    responses: { 200: ZSignInSaved },
  },
  checkOut: {
    method: 'POST',
    path: '/api/sign-in/:signInId/check-out',
    summary: 'Check a resident out: attended hours',
    policy: staff,
    params: ZSignInParams,
    body: ZCheckoutInput,
    responses: { 200: ZSignInSaved },
  },
  learningRecord: {
    method: 'GET',
    path: '/api/credit-accounts/:residentId/record',
    summary: '学习档案: activities attended, hours and credits (printable)',
    policy: { roles: CREDIT_STAFF_ROLES },
    params: ZResidentIdParams,
    responses: { 200: ZLearningRecord },
  },
});
