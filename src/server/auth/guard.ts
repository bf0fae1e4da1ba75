import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasAnyRole } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { loadSession, passwordChangeDue, SESSION_COOKIE } from '../../modules/accounts';
import { getSettings } from '../../modules/settings';
import { loadResidentSession, RESIDENT_COOKIE } from '../../modules/portal';
import type { RouteEntry } from '../types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie to an actor, then applies the route's declared policy.
 * A route under /api without a policy is refused: deny by default.
 */
export function registerGuard(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionState', 'none');
  app.decorateRequest('passwordDue', false);
  app.decorateRequest('resident', null);

  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || isDocsRoute(route.url)) return;
    if (!route.config?.policy)
      throw new Error(`Route ${route.method} ${route.url} declares no policy (deny by default)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, policy: route.config.policy });
    }
  });

  app.addHook('preHandler', async (req) => {
    if (req.is404 || !req.url.startsWith('/api/') || isDocsRoute(req.routeOptions.url ?? '')) return;
    const policy = req.routeOptions.config?.policy;
    if (!policy) throw new AppError('FORBIDDEN');
    if (!SAFE_METHODS.has(req.method)) checkOrigin(req);
    if ('resident' in policy) return guardResident(app, req);
    await attachActor(app, req);
    if ('public' in policy) {
      if (policy.knowsResident) await attachResident(app, req);
      return;
    }
    if (!req.actor) throw new AppError(req.sessionState === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method)) checkCsrf(req);
    if (req.passwordDue && !policy.allowWhilePasswordDue) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if ('roles' in policy && !hasAnyRole(req.actor, policy.roles)) throw new AppError('FORBIDDEN');
  });
}

function isDocsRoute(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/') || url === '/api/openapi.json';
}

async function attachActor(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw) return;
  const db = app.database.db;
  const { idleTimeoutMinutes } = await getSettings(db);
  const loaded = await loadSession(db, raw, idleTimeoutMinutes);
  if (loaded === null) return;
  if (loaded === 'expired') {
    req.sessionState = 'expired';
    return;
  }
  req.sessionState = 'valid';
  req.actor = { ...loaded.actor, ip: req.ip };
  req.csrfToken = loaded.csrfToken;
  req.passwordDue = await passwordChangeDue(db, loaded);
}

/** Resident routes: the resident cookie (never a staff session), and its CSRF token like staff routes. */
async function guardResident(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const raw = req.cookies[RESIDENT_COOKIE];
  const loaded = raw ? await loadResidentSession(app.database.db, raw) : null;
  if (!loaded) throw new AppError(raw ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  req.resident = loaded.resident;
  req.csrfToken = loaded.csrfToken;
  if (!SAFE_METHODS.has(req.method)) checkCsrf(req);
}

/** A public route that asks who the phone is: the resident session, if the cookie holds a live one (nothing else changes). */
async function attachResident(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const raw = req.cookies[RESIDENT_COOKIE];
  const loaded = raw ? await loadResidentSession(app.database.db, raw) : null;
  req.resident = loaded?.resident ?? null;
}

/** Synchronizer token: the session's CSRF token must come back in a header a form cannot set. */
function checkCsrf(req: FastifyRequest): void {
  const sent = req.headers['x-csrf-token'];
  const expected = req.csrfToken ?? '';
  const ok =
    typeof sent === 'string' &&
    sent.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new AppError('CSRF_FAILED');
}

/** A browser always names the page that sent a cross-site request; it must be our own host. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_FAILED');
  }
  if (host !== req.headers.host) throw new AppError('CSRF_FAILED');
}
