import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every page and answer. Scripts come only from our own
 * origin (the built app, Swagger UI's bundle): no inline script, no eval. Styles allow
 * 'unsafe-inline' because antd writes its CSS-in-JS into <style> tags at run time and
 * index.html has a small boot style. Images: our own (thumbnails), data: (icons, QR codes)
 * and blob: (previews of a photo before upload). No other site is contacted. No
 * upgrade-insecure-requests: a town office may serve the app over plain http on its LAN.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
} as const;

/** CSP, no framing (frame-ancestors 'none' and X-Frame-Options DENY), Referrer-Policy same-origin, nosniff. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES as unknown as Record<string, string[]> },
    frameguard: { action: 'deny' },
    // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our own
    // POSTs, and the guard's origin check (src/server/auth/guard.ts) could no longer tell.
    referrerPolicy: { policy: 'same-origin' },
    // Honoured only over https; no subdomains, which a county may run other sites on.
    hsts: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    crossOriginEmbedderPolicy: false,
  });
}
