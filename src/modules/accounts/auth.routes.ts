import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { getSettings } from '../settings/settings.service';
import { orgNodes } from '../organisations/org.table';
import { ZChangePassword, ZLoginInput, ZMe, type Me } from './account.contract';
import { users } from './account.table';
import { changePassword, login, passwordChangeDue } from './auth.service';
import { endSession, loadScopes, SESSION_COOKIE } from './session.service';
import { recordAudit } from '../../server/audit';

const ZOk = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['auth'];

  const me = async (userId: string, csrfToken: string, scopes: Me['scopes']): Promise<Me> => {
    const [u] = await db()
      .select({ u: users, homeNodeName: orgNodes.name })
      .from(users)
      .innerJoin(orgNodes, eq(orgNodes.id, users.homeNodeId))
      .where(eq(users.id, userId));
    const settings = await getSettings(db());
    return {
      user: {
        id: u.u.id,
        username: u.u.username,
        displayName: u.u.displayName,
        phone: u.u.phone,
        homeNodeId: u.u.homeNodeId,
        homeNodeName: u.homeNodeName,
        mustChangePassword: await passwordChangeDue(db(), u.u),
      },
      scopes,
      csrfToken,
      idleTimeoutMinutes: settings.idleTimeoutMinutes,
    };
  };

  app.post(
    '/api/auth/login',
    {
      // Counted per address and name: a flood of tries at one name does not refuse another's correct password.
      config: {
        policy: { public: true },
        rateLimit: {
          max: 30,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags,
        summary:
          'Sign in with username or phone and password. Wrong passwords lock the account (5 from one address, 10 from any, 15 minutes); an address with many failures is slowed down',
        body: ZLoginInput,
        response: { 200: ZMe },
      },
    },
    async (req, reply) => {
      const session = await login(db(), {
        login: req.body.login,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        sessionMaxHours: app.config.absoluteTimeoutHours,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        maxAge: app.config.absoluteTimeoutHours * 3600,
      });
      return me(session.userId, session.csrfToken, await loadScopes(db(), session.userId));
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: { authenticated: true, allowWhilePasswordDue: true } },
      schema: { tags, summary: 'Sign out: ends this session', response: { 200: ZOk } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      await endSession(db(), actor.sessionId!);
      await recordAudit(db(), { actor, action: 'auth.logout', entityType: 'user', entityId: actor.userId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: { authenticated: true, allowWhilePasswordDue: true } },
      schema: { tags, summary: 'The signed-in user, their roles and the CSRF token', response: { 200: ZMe } },
    },
    async (req) => me(req.actor!.userId, req.csrfToken!, req.actor!.scopes),
  );

  app.post(
    '/api/auth/password',
    {
      config: {
        policy: { authenticated: true, allowWhilePasswordDue: true },
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: { tags, summary: 'Change my password', body: ZChangePassword, response: { 200: ZOk } },
    },
    async (req) => {
      await changePassword({
        db: db(),
        actor: req.actor!,
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
      });
      return { ok: true as const };
    },
  );
};
