import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OK, perMinute, protectedCtx, route, setSiteCookie, type RouteApp } from '../../server/route';
import { AppError } from '../../shared/app-error';
import { loadResident, myRedemptions, pageOfEntries, redeemForSelf, rewardsFor, totalsOf } from '../credits';
import { buildLearningRecord, findMySignIns } from '../signin';
import { portalApi } from './portal.contract';
import { cancelMe, findMyActivities, registerMe } from './portal.service';
import { residentAuthApi } from './resident-auth.contract';
import {
  activateResidentAccount,
  getResidentAccount,
  getResidentMe,
  issueActivationCode,
  residentLogin,
} from './resident-auth.service';
import { endResidentSession, RESIDENT_COOKIE } from './resident-session.service';

/** The phone pages' own small build (React, no antd, no staff app), from vite's third input. */
const PHONE_HTML = 'src/modules/portal/web/phone.html';

/**
 * The resident (居民): phone accounts, sessions and login, the staff's activation codes, and
 * every one of the resident's own routes (/api/me/…: the signed-in resident's own data only).
 */
export const portalRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;
  const ctx = (req: FastifyRequest) => ({ db: db(), resident: req.resident! });
  const staff = protectedCtx(app);

  route(
    app,
    residentAuthApi.login,
    async (req, reply) => {
      const s = await residentLogin({ db: db(), protector: app.protector, input: req.body, ip: req.ip });
      setSiteCookie(app, reply, RESIDENT_COOKIE, s.token, req.body.remember ? s.maxAgeSeconds : undefined);
      return getResidentMe(db(), s.residentId, s.csrfToken);
    },
    perMinute(20),
  );
  route(
    app,
    residentAuthApi.activate,
    async (req, reply) => {
      const s = await activateResidentAccount({ db: db(), protector: app.protector, input: req.body, ip: req.ip });
      setSiteCookie(app, reply, RESIDENT_COOKIE, s.token);
      return getResidentMe(db(), s.residentId, s.csrfToken);
    },
    perMinute(10),
  );
  route(app, residentAuthApi.me, (req) => getResidentMe(db(), req.resident!.residentId, req.csrfToken!));
  route(app, residentAuthApi.logout, async (req, reply) => {
    await endResidentSession(db(), req.resident!.sessionId);
    reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
    return OK;
  });
  route(app, residentAuthApi.account, (req) =>
    getResidentAccount({ ...staff(req), residentId: req.params.residentId }),
  );
  route(app, residentAuthApi.issueActivation, (req) =>
    issueActivationCode({ ...staff(req), residentId: req.params.residentId }),
  );

  route(app, portalApi.activities, (req) => findMyActivities({ ...ctx(req), query: req.query }));
  route(app, portalApi.register, (req) => registerMe({ ...ctx(req), activityId: req.params.activityId }));
  route(app, portalApi.cancel, (req) => cancelMe({ ...ctx(req), activityId: req.params.activityId }));
  route(app, portalApi.signIns, (req) =>
    findMySignIns({ db: db(), residentId: req.resident!.residentId, query: req.query }),
  );

  /** The resident's credit account (an anonymised resident has none). */
  const me = async (req: FastifyRequest) => {
    const r = await loadResident(db(), req.resident!.residentId);
    if (!r || r.anonymized) throw new AppError('UNAUTHENTICATED');
    return r;
  };
  route(app, portalApi.credits, async (req) => {
    const r = await me(req);
    return {
      ...(await totalsOf(db(), r.id)),
      ...(await pageOfEntries(db(), r.id, req.query.page, req.query.pageSize, false)),
    };
  });
  route(app, portalApi.learningRecord, async (req) => buildLearningRecord(db(), await me(req)));
  route(app, portalApi.rewards, async (req) =>
    rewardsFor(db(), await me(req), null, req.query.page, req.query.pageSize),
  );
  route(app, portalApi.redemptions, async (req) =>
    myRedemptions(db(), (await me(req)).id, req.query.page, req.query.pageSize),
  );
  route(app, portalApi.redeem, async (req) =>
    redeemForSelf({ db: db(), residentId: (await me(req)).id, rewardId: req.body.rewardId }),
  );

  // The phone pages (/m, /m/record, /m/credits, /m/me): their own HTML and script, not the staff
  // app's index.html. Not API endpoints, so registered as plain pages; the sign-in page's
  // /m/s/:token (signin.routes.ts) is more specific and wins.
  const webDir = app.config.webDir;
  const page = webDir ? path.join(webDir, PHONE_HTML) : null;
  if (page && fs.existsSync(page)) {
    const html = fs.readFileSync(page, 'utf8');
    const send = async (_req: FastifyRequest, reply: FastifyReply) =>
      reply.type('text/html').header('Cache-Control', 'no-cache').send(html);
    app.get('/m', { schema: { hide: true } }, send);
    app.get('/m/*', { schema: { hide: true } }, send);
  }
};
