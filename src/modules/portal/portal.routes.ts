import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCancelResult,
  ZMyActivityPage,
  ZMyActivityParams,
  ZMyActivityQuery,
  ZMySignInPage,
  ZMySignInQuery,
  ZRegisterResult,
} from './portal.contract';
import { cancelMe, findMyActivities, findMySignIns, registerMe } from './portal.service';

/** The resident's phone pages (/api/me/…): every route is the signed-in resident's own data only. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: FastifyRequest) => ({ db: app.database.db, resident: req.resident! });
  const me = { resident: true } as const;
  const tags = ['resident portal'];

  app.get(
    '/api/me/activities',
    {
      config: { policy: me },
      schema: {
        tags,
        summary: 'My upcoming activities, or the open ones of my town in the next 7 days',
        querystring: ZMyActivityQuery,
        response: { 200: ZMyActivityPage },
      },
    },
    async (req) => findMyActivities({ ...ctx(req), query: req.query }),
  );

  app.post(
    '/api/me/activities/:activityId/register',
    {
      config: { policy: me },
      schema: {
        tags,
        summary: 'Register myself: a place if one is free, else the waiting list',
        params: ZMyActivityParams,
        response: { 200: ZRegisterResult },
      },
    },
    async (req) => registerMe({ ...ctx(req), activityId: req.params.activityId }),
  );

  app.post(
    '/api/me/activities/:activityId/cancel',
    {
      config: { policy: me },
      schema: {
        tags,
        summary: 'Cancel my registration (the first on the waiting list gets the place)',
        params: ZMyActivityParams,
        response: { 200: ZCancelResult },
      },
    },
    async (req) => cancelMe({ ...ctx(req), activityId: req.params.activityId }),
  );

  app.get(
    '/api/me/sign-ins',
    {
      config: { policy: me },
      schema: {
        tags,
        summary: 'My sign-ins (learning record), newest first, with totals',
        querystring: ZMySignInQuery,
        response: { 200: ZMySignInPage },
      },
    },
    async (req) => findMySignIns({ ...ctx(req), query: req.query }),
  );
};
