import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MODULE_ROUTES } from './modules';
import { setSettingDefaults } from '../modules/settings';
import { registerGuard } from './auth/guard';
import type { Config } from './config';
import type { Database } from './db/client';
import { registerErrorHandler } from './errors';
import { refuseNul, validatorCompiler } from './validation';
import { createProtector, loadSecretKey } from './protect';
import { registerSecurityHeaders } from './security-headers';
import './types';

export type BuildOptions = {
  database: Database;
  config: Config;
  logger?: boolean;
  /** 32 bytes; default: CEDU_SECRET_KEY or <data dir>/secret.key */ secretKey?: Buffer;
};

/** Content types worth compressing on the fly: text, JSON, XML, scripts (not server-sent events, not binaries). */
const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(;|$)|[+/]xml(;|$)|javascript/;

/** Assembles the server: plugins, the guard, every module's routes, the web app. */
const HEALTH_WAIT_MS = 50;

export async function buildApp({ database, config, logger, secretKey }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { level: config.logLevel },
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('preValidation', refuseNul);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('protector', createProtector(secretKey ?? loadSecretKey(config.dataDir)));
  setSettingDefaults({ idleTimeoutMinutes: config.idleTimeoutMinutes });

  await registerSecurityHeaders(app);
  // JSON and pages made at run time (the sign-in page, the API docs), over 1 KB, compressed for
  // slow connections: brotli at a cheap level, or gzip. The built web app's files are already
  // compressed at build time (serveWeb) and pass through; binary downloads are left alone.
  await app.register(compress, { encodings: ['br', 'gzip'], customTypes: COMPRESSIBLE });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: 600,
    timeWindow: '1 minute',
    allowList: ['127.0.0.1', '::1'].filter(() => process.env.CEDU_RATE_LIMIT_LOOPBACK !== '1'),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'cedu API — 社区教育管理与服务平台',
        version: '0.1.0',
        description:
          'Every state-changing request needs the session cookie and the X-CSRF-Token header from GET /api/auth/me.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const webDir = config.webDir && fs.existsSync(path.join(config.webDir, 'index.html')) ? config.webDir : undefined;
  registerErrorHandler(app, webDir);
  registerGuard(app);

  app.get('/api/openapi.json', { config: { policy: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  // Health answers within ~50 ms even while PGlite's one session is held by a long write (a
  // roster import): then it says the database is busy, provided the database thread is still
  // finishing statements. A stuck database makes it wait, so a monitor's timeout notices.
  let probe: Promise<unknown> | undefined;
  app.get(
    '/api/health',
    {
      config: { policy: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Liveness and which database is in use',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), busy: z.boolean().optional() }),
        },
      },
    },
    async () => {
      const current = (probe ??= database.query('select 1').finally(() => (probe = undefined)));
      current.catch(() => {}); // awaited below unless busy; never an unhandled rejection
      const answered = await Promise.race([
        current.then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), HEALTH_WAIT_MS)),
      ]);
      if (!answered && database.progressing?.()) return { status: 'ok' as const, db: database.kind, busy: true };
      await current;
      return { status: 'ok' as const, db: database.kind };
    },
  );

  for (const routes of MODULE_ROUTES) await app.register(routes);

  if (webDir) await serveWeb(app, webDir);
  return app;
}

/**
 * Never `true` (a client could then pick its own address in X-Forwarded-For): the proxies'
 * addresses, or a number of hops — the socket and the next hops-1 entries from the right.
 */
function trustedProxies(t: number | string): string | false | ((address: string, hop: number) => boolean) {
  if (typeof t === 'string') return t;
  return t > 0 ? (_address, hop) => hop < t : false;
}

/**
 * The built single-page app, with long caching for hashed assets (index.html: see errors.ts).
 * The build writes a brotli and a gzip copy of every text file (scripts/precompress.ts): the
 * browser gets the one it accepts, about a quarter of the bytes, at no cost to the server.
 */
async function serveWeb(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.resolve(webDir),
    wildcard: false,
    preCompressed: true,
    setHeaders(res, file) {
      res.header(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
