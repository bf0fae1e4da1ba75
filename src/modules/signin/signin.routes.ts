import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { perMinute, protectedCtx, route, setSiteCookie, staffCtx, type RouteApp } from '../../server/route';
import { AppError } from '../../shared/app-error';
import { sendListExport } from '../../server/xlsx-export';
import { getLearningRecord } from './learning-record.service';
import { DEVICE_COOKIE, DEVICE_REMEMBER_DAYS } from './resident-device.service';
import { randomToken, sha256 } from '../../server/tokens';
import { findSignInActivities } from './signin-list.service';
import { getSignInRules, setSignInRules } from './signin-rules.service';
import { getScanInfo, scanCheckOut, scanSignIn } from './signin-scan.service';
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
import { signInApi } from './signin.contract';
import { attendanceExport } from './signin.export';

/** The sign-in page's own small build (no React, no antd), from vite's second input. */
const SIGNIN_HTML = 'src/modules/signin/web/signin.html';

/** Sign-in (签到): the resident's scan, the QR screen and sheet, staff's attendance work, the learning record. */
export const signInRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;
  const staff = staffCtx(app);
  const ctx = protectedCtx(app);
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  /** Every phone gets a random device token; sign-ins store its hash (the one-phone rule, remembered devices). */
  const deviceOf = (req: FastifyRequest, reply: FastifyReply) => {
    let token = req.cookies[DEVICE_COOKIE];
    if (!token || token.length > 64) {
      token = randomToken();
      setSiteCookie(app, reply, DEVICE_COOKIE, token, DEVICE_REMEMBER_DAYS * 86_400);
    }
    return sha256(token);
  };
  /** The network and browser a typed sign-in came from (the rule for phones that keep no cookie). */
  const sourceOf = (req: FastifyRequest) =>
    sha256(`signin-source:${req.ip}\n${String(req.headers['user-agent'] ?? '').slice(0, 400)}`);
  const scanCtx = (req: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => ({
    db: db(),
    protector: app.protector,
    token: req.params.token,
    resident: req.resident,
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

  route(app, signInApi.scanInfo, (req, reply) => refusals(reply, () => getScanInfo(scanCtx(req, reply))));
  // A village hall on one Wi-Fi is many phones behind one address: the limit is per address, so it is generous.
  route(
    app,
    signInApi.scan,
    (req, reply) => refusals(reply, () => scanSignIn({ ...scanCtx(req, reply), input: req.body })),
    perMinute(300),
  );
  route(
    app,
    signInApi.scanCheckOut,
    (req, reply) =>
      refusals(reply, () =>
        scanCheckOut({
          ...scanCtx(req, reply),
          ticket:
            typeof req.headers['x-sign-in-ticket'] === 'string'
              ? req.headers['x-sign-in-ticket'].slice(0, 200)
              : undefined,
        }),
      ),
    perMinute(30),
  );

  route(app, signInApi.rules, (req) => getSignInRules({ ...staff(req), countyId: req.params.countyId }));
  route(app, signInApi.setRules, (req) =>
    setSignInRules({ ...staff(req), countyId: req.params.countyId, input: req.body }),
  );
  route(app, signInApi.activities, (req) => findSignInActivities({ ...staff(req), query: req.query }));
  route(app, signInApi.qr, (req) =>
    getScreenQr({ ...ctx(req), activityId: req.params.activityId, origin: origin(req) }),
  );
  route(app, signInApi.sheet, (req) =>
    getSheet({ ...ctx(req), activityId: req.params.activityId, origin: origin(req) }),
  );
  route(app, signInApi.attendance, (req) =>
    listAttendance({ ...ctx(req), activityId: req.params.activityId, query: req.query }),
  );
  route(app, signInApi.attendanceExport, (req, reply) =>
    sendListExport(reply, ctx(req), attendanceExport(ctx(req), req.params.activityId, req.query)),
  );
  route(app, signInApi.roster, (req) =>
    searchRoster({ ...ctx(req), activityId: req.params.activityId, q: req.query.q }),
  );
  route(app, signInApi.manual, (req) =>
    signInByHand({ ...ctx(req), activityId: req.params.activityId, residentId: req.body.residentId }),
  );
  route(app, signInApi.paper, (req) =>
    enterPaperSheet({ ...ctx(req), activityId: req.params.activityId, ...req.body }),
  );
  route(app, signInApi.confirm, (req) =>
    confirmSignIn({ ...ctx(req), signInId: req.params.signInId, residentId: req.body.residentId }),
  );
  route(app, signInApi.reject, (req) =>
    rejectSignIn({ ...ctx(req), signInId: req.params.signInId, reason: req.body.reason }),
  );
  route(app, signInApi.checkOut, (req) =>
    checkOutSignIn({ ...ctx(req), signInId: req.params.signInId, attendedHours: req.body.attendedHours }),
  );
  route(app, signInApi.learningRecord, (req) =>
    getLearningRecord({ ...staff(req), residentId: req.params.residentId }),
  );

  // The phone's sign-in page: its own tiny HTML and script, not the staff app. Not an API
  // endpoint (no JSON, not under /api), so it is registered as a plain page.
  const webDir = app.config.webDir;
  const page = webDir ? path.join(webDir, SIGNIN_HTML) : null;
  if (page && fs.existsSync(page)) {
    const html = fs.readFileSync(page, 'utf8');
    app.get('/m/s/:token', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html').header('Cache-Control', 'no-cache').header('Referrer-Policy', 'no-referrer').send(html),
    );
  }
};
