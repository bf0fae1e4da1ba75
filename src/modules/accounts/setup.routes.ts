import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../shared/app-error';
import { recordAudit } from '../../server/audit';
import { ZFirstAdmin, ZSetupState } from './account.contract';
import { createSystemAdmin, firstRunCode, firstRunCodeMatches, setupState } from './first-admin.service';

/** The first-run page's API: only while the database has no account at all. */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['auth'];

  app.get(
    '/api/setup',
    {
      config: { policy: { public: true } },
      schema: {
        tags,
        summary: 'Whether the first system admin still has to be created (first-run page)',
        response: { 200: ZSetupState },
      },
    },
    async () => setupState(db()),
  );

  app.post(
    '/api/setup',
    {
      config: { policy: { public: true }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Create the first system admin (and the county, if none): only while no account exists',
        body: ZFirstAdmin,
        response: { 201: z.object({ id: z.string(), username: z.string() }) },
      },
    },
    async (req, reply) => {
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
      return reply.status(201).send({ id: out.id, username: b.username });
    },
  );
};
