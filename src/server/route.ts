import type { FastifyContextConfig, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  successStatus,
  type Endpoint,
  type EndpointBody,
  type EndpointParams,
  type EndpointQuery,
  type EndpointReply,
} from '../shared/endpoint';
import type { Ctx } from './types';

/** The Fastify instance a module's routes plugin receives. */
export type RouteApp = Parameters<FastifyPluginAsyncZod>[0];

/** The request a handler of endpoint E receives: params, query and body already parsed by E's schemas. */
export type EndpointRequest<E> = FastifyRequest<{
  Params: EndpointParams<E>;
  Querystring: EndpointQuery<E>;
  Body: EndpointBody<E>;
}>;

export type EndpointHandler<E> = (
  req: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<EndpointReply<E> | FastifyReply> | EndpointReply<E> | FastifyReply;

/** What only the server knows about a route: rate limits, body limits. */
export type RouteExtras = {
  config?: Omit<FastifyContextConfig, 'policy'>;
  bodyLimit?: RouteShorthandOptions['bodyLimit'];
};

/**
 * Registers an endpoint declared in a module's contract: its path, schemas (validation,
 * serialisation and OpenAPI), policy and summary all come from the declaration. The handler
 * returns the body; a declared 201/202/204 is set before it runs.
 */
export function route<E extends Endpoint>(app: RouteApp, e: E, handler: EndpointHandler<E>, extras: RouteExtras = {}) {
  const status = successStatus(e);
  const schema: Record<string, unknown> = { tags: [e.tag], summary: e.summary };
  if (e.description) schema.description = e.description;
  if (e.params) schema.params = e.params;
  if (e.query) schema.querystring = e.query;
  if (e.body) schema.body = e.body;
  if (e.responses) schema.response = e.responses;
  app.route({
    method: e.method,
    url: e.path,
    config: { ...extras.config, policy: e.policy },
    ...(extras.bodyLimit !== undefined ? { bodyLimit: extras.bodyLimit } : {}),
    schema,
    handler: async (req, reply) => {
      if (status !== 200) reply.code(status);
      return handler(req as unknown as EndpointRequest<E>, reply);
    },
  });
}

/** The answer of a change that has nothing else to say (`ZOk`). */
export const OK = { ok: true } as const;

/**
 * `const ctx = staffCtx(app)` in a module's routes: `ctx(req)` is what a staff service is
 * called with, `{ db, actor }` (the guard has set the actor of a staff route).
 */
export const staffCtx =
  (app: RouteApp) =>
  (req: FastifyRequest): Ctx => ({ db: app.database.db, actor: req.actor! });

/** `ctx(req)` and the protector: for services that read or write personal data kept encrypted. */
export const protectedCtx = (app: RouteApp) => {
  const ctx = staffCtx(app);
  return (req: FastifyRequest) => ({ ...ctx(req), protector: app.protector });
};

/** A route's own rate limit: at most `max` requests a minute from one address. */
export const perMinute = (max: number): RouteExtras => ({ config: { rateLimit: { max, timeWindow: '1 minute' } } });

/**
 * Sets a cookie for the whole site that scripts cannot read (httpOnly, SameSite=Lax, Secure
 * unless configured off); without `maxAgeSeconds` it ends with the browser session.
 */
export function setSiteCookie(app: RouteApp, reply: FastifyReply, name: string, value: string, maxAgeSeconds?: number) {
  return reply.setCookie(name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.secureCookies,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  });
}
