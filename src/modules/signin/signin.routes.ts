import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { residentAuthRoutes } from './resident-auth.routes';
import { randomToken, sha256, DEVICE_COOKIE, DEVICE_REMEMBER_DAYS, RESIDENT_COOKIE } from './resident-session.service';
import { findSignInActivities } from './signin-list.service';
import { AppError } from '../../shared/app-error';
import { getScanInfo, scanCheckOut, scanSignIn } from './signin-scan.service';
import { getSignInRules, setSignInRules } from './signin-rules.service';
import {
  checkOutSignIn,
  confirmSignIn,
  enterPaperSheet,
  getScreenQr,
  getSheet,
  listAttendance,
  rejectSignIn,
  searchRoster,
  signInByHand,
} from './signin-staff.service';
import {
  ZActivityParams,
  ZAttendancePage,
  ZCountyParams,
  ZSignInRules,
  ZSignInRulesUpdate,
  ZAttendanceQuery,
  ZCheckoutInput,
  ZConfirmInput,
  ZManualInput,
  ZPaperInput,
  ZPaperResult,
  ZQrOut,
  ZRejectInput,
  ZRosterHits,
  ZRosterQuery,
  ZScanInfo,
  ZScanInput,
  ZScanResult,
  ZSheetOut,
  ZSignInActivityPage,
  ZSignInActivityQuery,
  ZSignInParams,
  ZSignInSaved,
  ZTokenParams,
} from './signin.contract';
import { ATTENDANCE_READER_ROLES, SIGNIN_RULE_EDITOR_ROLES, SIGNIN_STAFF_ROLES } from './signin.policy';
import { ROLES } from '../../shared/roles';

/** The sign-in page's own small build (no React, no antd), from vite's second input. */
const SIGNIN_HTML = 'src/modules/signin/web/signin.html';

/** Sign-in (签到): the resident's scan, the QR screen and sheet, and staff's attendance work. */
export const signInRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: FastifyRequest) => ({ db: app.database.db, actor: req.actor!, protector: app.protector });
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
  const staff = { roles: SIGNIN_STAFF_ROLES };
  const tags = ['sign-in'];

  /** Every phone gets a random device token; sign-ins store its hash (the one-phone rule, remembered devices). */
  const deviceOf = (req: FastifyRequest, reply: FastifyReply) => {
    let token = req.cookies[DEVICE_COOKIE];
    if (!token || token.length > 64) {
      token = randomToken();
      reply.setCookie(DEVICE_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        maxAge: DEVICE_REMEMBER_DAYS * 86_400,
      });
    }
    return sha256(token);
  };
  /** The network and browser a typed sign-in came from (the rule for phones that keep no cookie). */
  const sourceOf = (req: FastifyRequest) =>
    sha256(`signin-source:${req.ip}\n${String(req.headers['user-agent'] ?? '').slice(0, 400)}`);
  const scanCtx = (req: FastifyRequest, reply: FastifyReply) => ({
    db: app.database.db,
    protector: app.protector,
    token: (req.params as { token: string }).token,
    residentCookie: req.cookies[RESIDENT_COOKIE],
    deviceId: deviceOf(req, reply),
    sourceId: sourceOf(req),
    csrfHeader: typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : undefined,
  });
  /** The phone page shows its own words for a refusal (expired, early, late…): named in a header beside the error. */
  const refusals = async <T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof AppError && typeof err.params.refusal === 'string')
        reply.header('x-sign-in-refusal', err.params.refusal);
      throw err;
    }
  };

  app.get(
    '/api/sign-in/scan/:token',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary:
          'What a scanned QR code is for, its sign-in window, who this phone is known as, and a five-minute grace ticket inside the window',
        params: ZTokenParams,
        response: { 200: ZScanInfo },
      },
    },
    async (req, reply) => refusals(reply, () => getScanInfo(scanCtx(req, reply))),
  );

  // A village hall on one Wi-Fi is many phones behind one address: the limit is per address, so it is generous.
  app.post(
    '/api/sign-in/scan/:token',
    {
      config: { policy: { public: true }, rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Sign in from a phone: one tap when known, else phone + name against the roster; unknown or a second person on one phone waits for staff',
        params: ZTokenParams,
        body: ZScanInput,
        response: { 200: ZScanResult },
      },
    },
    async (req, reply) => refusals(reply, () => scanSignIn({ ...scanCtx(req, reply), input: req.body })),
  );

  app.post(
    '/api/sign-in/scan/:token/check-out',
    {
      config: { policy: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Check out from a known phone: attended hours from sign-in to now (the scan’s grace ticket in X-Sign-In-Ticket)',
        params: ZTokenParams,
        response: { 200: z.object({ attendedHours: z.number() }) },
      },
    },
    async (req, reply) =>
      refusals(reply, () =>
        scanCheckOut({
          ...scanCtx(req, reply),
          ticket:
            typeof req.headers['x-sign-in-ticket'] === 'string'
              ? req.headers['x-sign-in-ticket'].slice(0, 200)
              : undefined,
        }),
      ),
  );

  app.get(
    '/api/sign-in/rules/:countyId',
    {
      // Every role reads its own county's window (the service hides other counties).
      config: { policy: { roles: ROLES } },
      schema: {
        tags,
        summary: 'The county’s sign-in window: minutes before the start and after the end when residents may sign in',
        params: ZCountyParams,
        response: { 200: ZSignInRules },
      },
    },
    async (req) => getSignInRules({ db: app.database.db, actor: req.actor!, countyId: req.params.countyId }),
  );

  app.put(
    '/api/sign-in/rules/:countyId',
    {
      config: { policy: { roles: SIGNIN_RULE_EDITOR_ROLES } },
      schema: {
        tags,
        summary: 'Set the county’s sign-in window (county admins; audited)',
        params: ZCountyParams,
        body: ZSignInRulesUpdate,
        response: { 200: ZSignInRules },
      },
    },
    async (req) =>
      setSignInRules({ db: app.database.db, actor: req.actor!, countyId: req.params.countyId, input: req.body }),
  );

  app.get(
    '/api/sign-in/activities',
    {
      config: { policy: { roles: ATTENDANCE_READER_ROLES } },
      schema: {
        tags,
        summary: 'Activities of my subtree for the sign-in desk: today, coming or past, with counts',
        querystring: ZSignInActivityQuery,
        response: { 200: ZSignInActivityPage },
      },
    },
    async (req) => findSignInActivities({ db: app.database.db, actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/sign-in/activities/:activityId/qr',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'The on-screen QR code of the current 30-second window',
        params: ZActivityParams,
        response: { 200: ZQrOut },
      },
    },
    async (req) => getScreenQr({ ...ctx(req), activityId: req.params.activityId, origin: origin(req) }),
  );

  app.get(
    '/api/sign-in/activities/:activityId/sheet',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'The printable sign-in sheet: registrants and a QR code valid during the activity',
        params: ZActivityParams,
        response: { 200: ZSheetOut },
      },
    },
    async (req) => getSheet({ ...ctx(req), activityId: req.params.activityId, origin: origin(req) }),
  );

  app.get(
    '/api/sign-in/activities/:activityId/attendance',
    {
      config: { policy: { roles: ATTENDANCE_READER_ROLES } },
      schema: {
        tags,
        summary: 'The attendance list: pending first, then confirmed, then rejected',
        params: ZActivityParams,
        querystring: ZAttendanceQuery,
        response: { 200: ZAttendancePage },
      },
    },
    async (req) => listAttendance({ ...ctx(req), activityId: req.params.activityId, query: req.query }),
  );

  app.get(
    '/api/sign-in/activities/:activityId/roster',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'Find a resident to sign in by hand (name, initials or phone digits; phones masked)',
        params: ZActivityParams,
        querystring: ZRosterQuery,
        response: { 200: ZRosterHits },
      },
    },
    async (req) => searchRoster({ ...ctx(req), activityId: req.params.activityId, q: req.query.q }),
  );

  app.post(
    '/api/sign-in/activities/:activityId/manual',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'Sign a resident in by hand',
        params: ZActivityParams,
        body: ZManualInput,
        response: { 200: ZSignInSaved },
      },
    },
    async (req) => signInByHand({ ...ctx(req), activityId: req.params.activityId, residentId: req.body.residentId }),
  );

  app.post(
    '/api/sign-in/activities/:activityId/paper',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'Enter a paper sheet afterwards, with its photo as evidence',
        params: ZActivityParams,
        body: ZPaperInput,
        response: { 200: ZPaperResult },
      },
    },
    async (req) => enterPaperSheet({ ...ctx(req), activityId: req.params.activityId, ...req.body }),
  );

  app.post(
    '/api/sign-in/:signInId/confirm',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'Confirm a pending sign-in (an unknown person: with their roster entry); pays the credit',
        params: ZSignInParams,
        body: ZConfirmInput,
        response: { 200: ZSignInSaved },
      },
    },
    async (req) => confirmSignIn({ ...ctx(req), signInId: req.params.signInId, residentId: req.body.residentId }),
  );

  app.post(
    '/api/sign-in/:signInId/reject',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'Reject a pending sign-in or remove a wrong one; its credit is reversed',
        params: ZSignInParams,
        body: ZRejectInput,
        response: { 200: ZSignInSaved },
      },
    },
    async (req) => rejectSignIn({ ...ctx(req), signInId: req.params.signInId, reason: req.body.reason }),
  );

  app.post(
    '/api/sign-in/:signInId/check-out',
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: 'Check a resident out: attended hours',
        params: ZSignInParams,
        body: ZCheckoutInput,
        response: { 200: ZSignInSaved },
      },
    },
    async (req) =>
      checkOutSignIn({ ...ctx(req), signInId: req.params.signInId, attendedHours: req.body.attendedHours }),
  );

  await residentAuthRoutes(app, {});

  // The phone's sign-in page: its own tiny HTML and script, not the staff app.
  const webDir = app.config.webDir;
  const page = webDir ? path.join(webDir, SIGNIN_HTML) : null;
  if (page && fs.existsSync(page)) {
    const html = fs.readFileSync(page, 'utf8');
    app.get('/m/s/:token', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html').header('Cache-Control', 'no-cache').header('Referrer-Policy', 'no-referrer').send(html),
    );
  }
};
