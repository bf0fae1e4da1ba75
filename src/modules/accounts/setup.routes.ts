import { fieldError } from '../../shared/app-error';
import { recordAudit } from '../../server/audit';
import { perMinute, route, type RouteApp } from '../../server/route';
import { setupApi } from './account.contract';
import { createSystemAdmin, firstRunCode, firstRunCodeMatches, setupState } from './first-admin.service';

/** The first-run page's API: only while the database has no account at all. */
export const setupRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, setupApi.state, () => setupState(db()));

  route(
    app,
    setupApi.createFirstAdmin,
    async (req) => {
      const b = req.body;
      if (!firstRunCodeMatches(b.setupCode, firstRunCode(app.protector))) {
        await recordAudit(db(), {
          actorName: b.username,
          ip: req.ip,
          action: 'setup.first_admin',
          outcome: 'denied',
          summary: { reason: 'wrong_setup_code' },
        });
        throw fieldError(
          'setupCode',
          '设置码不正确：请使用服务器启动时显示的设置码',
          'Wrong setup code: use the code the server printed when it started',
        );
      }
      const out = await createSystemAdmin(db(), {
        username: b.username,
        displayName: b.displayName,
        password: b.password,
        countyName: b.countyName,
        via: 'first-run',
        ip: req.ip,
      });
      return { id: out.id, username: b.username };
    },
    perMinute(10),
  );
};
