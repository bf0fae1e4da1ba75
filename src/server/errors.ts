import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, tooLarge } from '../shared/app-error';
import { recordAudit } from './audit';
import { pgErrorCode } from './db/client';
import { RequestValidationError } from './validation';
import { chineseOutsideQuotes } from '../shared/text';

/** Maps anything thrown to AppError: one code→status table, messages in both languages. */
export function toAppError(err: unknown, bodyLimit = 1024 * 1024): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: unknown };
  if (err instanceof RequestValidationError) return new AppError('VALIDATION_FAILED', {}, { issues: err.issues });
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause;
  if (e?.statusCode === 429) return new AppError('RATE_LIMITED');
  // A JSON body over the route's limit, or a multipart upload over a size/parts/files limit.
  if (e?.statusCode === 413) return tooLarge(bodyLimit);
  if (
    e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
  ) {
    return new AppError('BAD_REQUEST');
  }
  if (e?.statusCode === 400) return new AppError('BAD_REQUEST');
  if (e?.statusCode === 404) return new AppError('NOT_FOUND');
  if (pgErrorCode(err) === 'CELCK') return new AppError('MONTH_LOCKED');
  if (pgErrorCode(err) === '40001' || pgErrorCode(err) === '40P01')
    return new AppError('CONFLICT', {
      detail: '同时有其他修改，请重试',
      detailEn: 'another change was made at the same moment; please try again',
    });
  return new AppError('INTERNAL');
}

export function registerErrorHandler(app: FastifyInstance, webDir?: string): void {
  app.setErrorHandler(async (err, request: FastifyRequest, reply: FastifyReply) => {
    // Fastify wraps validator errors; ours is the original.
    let appError = toAppError(err, request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit);
    if (appError.code === 'INTERNAL') {
      request.log.error({ err }, 'unhandled error');
      if (process.env.VITEST) console.error(err);
    }
    if (process.env.VITEST) appError = englishOrFail(appError);
    if (appError.denied && request.actor) {
      await recordAudit(app.database.db, {
        actor: request.actor,
        action: 'access.denied',
        summary: { method: request.method, url: request.url.slice(0, 200), code: appError.code },
        outcome: 'denied',
      }).catch((auditErr) => request.log.error({ err: auditErr }, 'audit of a denial failed'));
    }
    return reply.status(appError.status).send(appError.toBody());
  });
  // One not-found handler: API paths get the JSON error; with a web app, every other GET
  // is a page of the single-page app and gets its index.html.
  app.setNotFoundHandler((request, reply) => {
    if (webDir && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(new AppError('NOT_FOUND').toBody());
  });
}

/**
 * Under test, an English message with Chinese words in it (outside quoted names) turns the
 * answer into a 500, so whichever test provoked it fails on its status.
 */
function englishOrFail(e: AppError): AppError {
  const body = e.toBody().error;
  const leaks = [body.messageEn, ...(body.issues ?? []).map((i) => i.messageEn)].filter(chineseOutsideQuotes);
  if (leaks.length === 0) return e;
  console.error(`messageEn is not English (${e.code}):`, leaks);
  return new AppError('INTERNAL');
}
