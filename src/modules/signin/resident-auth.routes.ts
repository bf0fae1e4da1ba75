import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { RESIDENT_ROLES } from '../../shared/roles';
import {
  ZActivationIssued,
  ZResidentAccountState,
  ZResidentActivate,
  ZResidentIdParams,
  ZResidentLogin,
  ZResidentMe,
} from './resident-auth.contract';
import {
  activateResidentAccount,
  getResidentAccount,
  getResidentMe,
  issueActivationCode,
  residentLogin,
} from './resident-auth.service';
import { endResidentSession, RESIDENT_COOKIE } from './resident-session.service';

const ZOk = z.object({ ok: z.literal(true) });

/** Contract 4: residents' own accounts and sessions (separate from staff sessions); staff issue activation codes. */
export const residentAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['resident accounts'];
  const setCookie = (reply: FastifyReply, token: string, maxAge?: number) =>
    reply.setCookie(RESIDENT_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.secureCookies,
      ...(maxAge ? { maxAge } : {}),
    });

  app.post(
    '/api/resident/login',
    {
      config: { policy: { public: true }, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'A resident signs in with phone and password (five wrong answers lock the account for 15 minutes)',
        body: ZResidentLogin,
        response: { 200: ZResidentMe },
      },
    },
    async (req, reply) => {
      const s = await residentLogin({ db: db(), protector: app.protector, input: req.body, ip: req.ip });
      setCookie(reply, s.token, req.body.remember ? s.maxAgeSeconds : undefined);
      return getResidentMe(db(), s.residentId, s.csrfToken);
    },
  );

  app.post(
    '/api/resident/activate',
    {
      config: { policy: { public: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Set the password with phone, name and the centre’s one-time code; signs in',
        body: ZResidentActivate,
        response: { 200: ZResidentMe },
      },
    },
    async (req, reply) => {
      const s = await activateResidentAccount({ db: db(), protector: app.protector, input: req.body, ip: req.ip });
      setCookie(reply, s.token);
      return getResidentMe(db(), s.residentId, s.csrfToken);
    },
  );

  app.get(
    '/api/resident/me',
    {
      config: { policy: { resident: true } },
      schema: { tags, summary: 'The signed-in resident and the CSRF token', response: { 200: ZResidentMe } },
    },
    async (req) => getResidentMe(db(), req.resident!.residentId, req.csrfToken!),
  );

  app.post(
    '/api/resident/logout',
    {
      config: { policy: { resident: true } },
      schema: { tags, summary: 'Sign the resident out on this phone', response: { 200: ZOk } },
    },
    async (req, reply) => {
      await endResidentSession(db(), req.resident!.sessionId);
      reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/resident-accounts/:residentId',
    {
      config: { policy: { roles: RESIDENT_ROLES } },
      schema: {
        tags,
        summary: 'Whether a resident has a phone account (staff over the resident)',
        params: ZResidentIdParams,
        response: { 200: ZResidentAccountState },
      },
    },
    async (req) =>
      getResidentAccount({ db: db(), actor: req.actor!, protector: app.protector, residentId: req.params.residentId }),
  );

  app.post(
    '/api/resident-accounts/:residentId/activation',
    {
      config: { policy: { roles: RESIDENT_ROLES } },
      schema: {
        tags,
        summary: 'Issue a one-time activation code (7 days) for the resident’s phone account',
        params: ZResidentIdParams,
        response: { 200: ZActivationIssued },
      },
    },
    async (req) =>
      issueActivationCode({ db: db(), actor: req.actor!, protector: app.protector, residentId: req.params.residentId }),
  );
};
