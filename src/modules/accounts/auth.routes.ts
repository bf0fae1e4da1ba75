import { eq } from 'drizzle-orm';
import { recordAudit } from '../../server/audit';
import { OK, perMinute, route, setSiteCookie, staffCtx, type RouteApp } from '../../server/route';
import { orgNodes } from '../../server/db/tree.table';
import { getSettings } from '../settings';
import { authApi, type Me } from './account.contract';
import { users } from './account.table';
import { changePassword, login, passwordChangeDue } from './auth.service';
import { endSession, loadScopes, SESSION_COOKIE } from './session.service';

export const authRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;
  const ctx = staffCtx(app);

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

  route(
    app,
    authApi.login,
    async (req, reply) => {
      const session = await login(db(), {
        login: req.body.login,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        sessionMaxHours: app.config.absoluteTimeoutHours,
      });
      setSiteCookie(app, reply, SESSION_COOKIE, session.token, app.config.absoluteTimeoutHours * 3600);
      return me(session.userId, session.csrfToken, await loadScopes(db(), session.userId));
    },
    {
      // Counted per address and name: a flood of tries at one name does not refuse another's correct password.
      config: {
        rateLimit: {
          max: 30,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase()}`,
        },
      },
    },
  );

  route(app, authApi.logout, async (req, reply) => {
    const actor = req.actor!;
    await endSession(db(), actor.sessionId!);
    await recordAudit(db(), { actor, action: 'auth.logout', entityType: 'user', entityId: actor.userId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return OK;
  });

  route(app, authApi.me, (req) => me(req.actor!.userId, req.csrfToken!, req.actor!.scopes));

  route(
    app,
    authApi.changePassword,
    async (req) => {
      const { currentPassword, newPassword } = req.body;
      await changePassword({ ...ctx(req), currentPassword, newPassword });
      return OK;
    },
    perMinute(10),
  );
};
